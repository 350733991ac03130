namespace MailMerge.Letters;

/// <summary>
/// A letter template cannot be used as asked: the file is not a Word document, or its
/// <c>#BEGIN_CONTEXT#</c>/<c>#END_CONTEXT#</c> markers are broken. The message is written for the person who
/// made the template and says what to change.
/// </summary>
public sealed class LetterTemplateException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public LetterTemplateException()
    {
    }

    /// <summary>Creates the exception with a message for the template's author.</summary>
    public LetterTemplateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public LetterTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
