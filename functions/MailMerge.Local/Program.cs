using MailMerge.Local;
using Microsoft.Extensions.Options;

// The local host's command line: `serve` (default) runs the API until Ctrl+C; `demo` runs the sample campaign.
string command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
string[] rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
try
{
switch (command)
{
    case "serve":
        await using (LocalHost host = await LocalHost.StartAsync(rest))
        {
            Console.WriteLine($"MailMerge local host listening on {host.BaseAddress} (Ctrl+C stops it).");
            await host.WaitForShutdownAsync();
        }

        return 0;
    case "demo":
        return await Demo.RunAsync(rest);
    default:
        Console.Error.WriteLine($"Unknown command '{command}'. Use: serve | demo");
        return 2;
}
}
catch (Exception ex) when (ex is OptionsValidationException or StorageUnreachableException)
{
    // Settings and storage problems are the user's to fix: say what is wrong, without a stack trace.
    Console.Error.WriteLine($"MailMerge cannot start: {ex.Message}");
    return 1;
}
