namespace MailMerge.Local;
/// <summary>The demo.</summary>
public static class Demo { /// <summary>Runs it.</summary>
public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length); }
