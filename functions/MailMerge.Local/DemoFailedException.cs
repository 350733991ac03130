namespace MailMerge.Local;

/// <summary>A demo step did not get the answer it needs; the message says which request and what came back.</summary>
internal sealed class DemoFailedException : Exception
{
    /// <summary>A failure without details.</summary>
    public DemoFailedException()
    {
    }

    /// <summary>A failure described by <paramref name="message"/>.</summary>
    public DemoFailedException(string message)
        : base(message)
    {
    }

    /// <summary>A failure described by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public DemoFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
