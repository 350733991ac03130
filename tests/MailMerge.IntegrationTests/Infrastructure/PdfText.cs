using System.Diagnostics;

namespace MailMerge.IntegrationTests.Infrastructure;

/// <summary>Converts a .docx to PDF with LibreOffice and reads its text and page count with poppler (CI installs both).</summary>
internal static class PdfText
{
    public static (string Text, int Pages) Render(byte[] docx)
    {
        string folder = Directory.CreateTempSubdirectory("mailmerge-letters-pdf-").FullName;
        try
        {
            string source = Path.Combine(folder, "letter.docx");
            File.WriteAllBytes(source, docx);
            Run("libreoffice", folder, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", folder, source);
            string pdf = Path.Combine(folder, "letter.pdf");
            Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF.");
            string info = Run("pdfinfo", folder, pdf);
            int pages = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            return (Run("pdftotext", folder, "-layout", pdf, "-"), pages);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // LibreOffice may still hold a file for a moment; the temp folder is cleaned by the system.
            }
        }
    }

    private static string Run(string tool, string home, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = home;
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}; install libreoffice-writer-nogui and poppler-utils.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} did not finish within 3 minutes.");
        }

        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
