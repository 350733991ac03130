using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MailMerge.Letters.Tests;

/// <summary>
/// Converts .docx to PDF with LibreOffice and reads the PDF back with poppler's pdftotext and pdfinfo.
/// A missing tool fails the test with the command that installs it: CI installs them, so a skip would
/// only hide a broken pipeline.
/// </summary>
internal sealed partial class PdfRendering : IDisposable
{
    private const string Install = "Install them with: apt-get install -y libreoffice-writer-nogui poppler-utils";

    public PdfRendering()
    {
        Folder = Directory.CreateTempSubdirectory("mailmerge-pdf-").FullName;
    }

    public string Folder { get; }

    /// <summary>Validates the document, converts it, and returns the PDF's path.</summary>
    public string Convert(byte[] docx, string name)
    {
        using (new MergedDocument(docx))
        {
            // Opening validates: the printer gets nothing the validator rejects.
        }

        var source = Path.Combine(Folder, name + ".docx");
        File.WriteAllBytes(source, docx);
        var home = Directory.CreateDirectory(Path.Combine(Folder, "home-" + name)).FullName;
        Run(
            "libreoffice",
            ["--headless", "--norestore", "--convert-to", "pdf", "--outdir", Folder, source],
            home,
            TimeSpan.FromMinutes(3));
        var pdf = Path.ChangeExtension(source, ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice wrote no PDF for {source}.");
        return pdf;
    }

    public string Text(string pdf) => Run("pdftotext", [pdf, "-"], Folder, TimeSpan.FromMinutes(1));

    public int Pages(string pdf)
    {
        var info = Run("pdfinfo", [pdf], Folder, TimeSpan.FromMinutes(1));
        var match = PagesLine().Match(info);
        Assert.True(match.Success, "pdfinfo printed no page count:\n" + info);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A converter still closing its files; the temp folder is cleaned by the system.
        }
    }

    private static string Run(string tool, string[] arguments, string home, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = home;
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"'{tool}' is not installed, and the PDF tests need it. {Install}. ({e.Message})");
            throw;
        }

        using (process)
        {
            Assert.NotNull(process);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"'{tool}' did not finish within {timeout}.");
            }

            Assert.True(process.ExitCode == 0, $"'{tool}' failed with exit code {process.ExitCode}:\n{error.Result}");
            return output.Result;
        }
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
