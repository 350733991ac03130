using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MailMerge.Functions;

/// <summary>Runs a Core handler's <see cref="IResult"/> as the Functions ASP.NET Core integration's action result.</summary>
public sealed class ResultAction(IResult result) : IActionResult
{
    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return result.ExecuteAsync(context.HttpContext);
    }
}
