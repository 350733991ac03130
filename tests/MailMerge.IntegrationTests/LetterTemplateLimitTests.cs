using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using MailMerge.Letters;

namespace MailMerge.IntegrationTests;

/// <summary>Hostile letter templates through the local host: refused with 400 problem+json and never stored.</summary>
[Collection(LocalHostTests.Name)]
public sealed class LetterTemplateLimitTests : IClassFixture<LetterBatchTests.App>
{
    private const string Relationships =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

    private const string ContentTypes =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

    private readonly LetterBatchTests.App app;

    public LetterTemplateLimitTests(LetterBatchTests.App app) => this.app = app;

    [Fact]
    public async Task Template_upload_refuses_a_decompression_bomb_naming_the_limit_and_stores_nothing()
    {
        byte[] bomb = Package(documentBytes: 100L * 1024 * 1024);
        string name = "lt-bomb" + Guid.NewGuid().ToString("N")[..8];

        string reason = await RefusedAsync(name, bomb);

        Assert.Contains("word/document.xml", reason, StringComparison.Ordinal);
        Assert.Contains($"{DocxPackageLimits.MaxPartBytes / (1024 * 1024)} MB", reason, StringComparison.Ordinal);
        await AssertNotStoredAsync(name);
    }

    [Fact]
    public async Task Template_upload_refuses_a_package_without_a_main_document_part_and_stores_nothing()
    {
        string name = "lt-nodoc" + Guid.NewGuid().ToString("N")[..8];

        string reason = await RefusedAsync(name, Package(documentBytes: null));

        Assert.Contains("no main document part", reason, StringComparison.Ordinal);
        await AssertNotStoredAsync(name);
    }

    /// <summary>Content types and relationships naming word/document.xml; the part itself, of spaces, only when sized.</summary>
    private static byte[] Package(long? documentBytes)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(archive, "[Content_Types].xml", ContentTypes);
            Write(archive, "_rels/.rels", Relationships);
            if (documentBytes is { } size)
            {
                using Stream part = archive.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
                byte[] chunk = new byte[64 * 1024];
                Array.Fill(chunk, (byte)' ');
                for (long left = size; left > 0; left -= chunk.Length)
                {
                    part.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
                }
            }
        }

        return zip.ToArray();
    }

    private static void Write(ZipArchive archive, string name, string text)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open());
        writer.Write(text);
    }

    private async Task<string> RefusedAsync(string name, byte[] docx)
    {
        using var content = new ByteArrayContent(docx);
        using HttpResponseMessage response = await app.Host.Http.PutAsync($"/api/letter-templates/{name}", content);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        string reason = JsonNode.Parse(body)!["errors"]!["body"]![0]!.GetValue<string>();
        Assert.Contains("not a usable Word document", reason, StringComparison.Ordinal);
        return reason;
    }

    private async Task AssertNotStoredAsync(string name)
    {
        using HttpResponseMessage stored = await app.Host.Http.GetAsync($"/api/letter-templates/{name}?format=docx");
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }
}
