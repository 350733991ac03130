namespace MailMerge.Counters;

/// <summary>A counter has fewer values left than a reservation needs.</summary>
public sealed class CounterExhaustedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CounterExhaustedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CounterExhaustedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CounterExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
