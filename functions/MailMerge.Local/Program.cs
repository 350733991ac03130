namespace MailMerge.Local;

/// <summary>Entry point of the local host.</summary>
public static class Program
{
    /// <summary>Runs the local host.</summary>
    public static int Main() => 0;
}
