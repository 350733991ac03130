using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace MailMerge.Functions;

/// <summary>The Durable Task activity context for a class-based activity called from a Functions wrapper.</summary>
public sealed class FunctionActivityContext(string name, FunctionContext function) : TaskActivityContext
{
    /// <inheritdoc />
    public override TaskName Name { get; } = name;

    /// <inheritdoc />
    public override string InstanceId { get; } = function?.InvocationId ?? string.Empty;
}
