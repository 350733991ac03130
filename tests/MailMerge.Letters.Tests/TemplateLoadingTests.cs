using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using static MailMerge.Letters.Tests.TestDocx;

namespace MailMerge.Letters.Tests;

public sealed class TemplateLoadingTests
{
    [Fact]
    public void Load_refuses_a_file_that_is_not_a_zip_package()
    {
        var error = Assert.Throws<LetterTemplateException>(() => DocxTemplate.Load(new MemoryStream("Dear {{ name }}"u8.ToArray())));

        Assert.Contains(".docx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_reads_the_same_template_as_Load()
    {
        await using var stream = File.OpenRead(Samples.PathOf("test_winword2010.docx"));

        var template = await DocxTemplate.LoadAsync(stream);

        Assert.Equal(Samples.Load("test_winword2010.docx").Fields, template.Fields);
    }

    [Fact]
    public void Load_refuses_a_zip_that_is_not_a_word_document()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            writer.Write("not a letter");
        }

        zip.Position = 0;
        Assert.Throws<LetterTemplateException>(() => DocxTemplate.Load(zip));
    }

    [Fact]
    public void Merge_turns_a_word_template_into_a_document()
    {
        using var stream = new MemoryStream(Build(P("Dear {{ name }},")));
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            document.ChangeDocumentType(WordprocessingDocumentType.Template);
        }

        var template = DocxTemplate.Load(new MemoryStream(stream.ToArray()));
        using var merged = MergedDocument.Merge(template, new() { ["name"] = "Anna" });

        using var reopened = WordprocessingDocument.Open(new MemoryStream(merged.Bytes), isEditable: false);
        Assert.Equal(WordprocessingDocumentType.Document, reopened.DocumentType);
        Assert.Equal("Dear Anna,", merged.BodyText);
    }

    [Fact]
    public void Merge_leaves_the_template_unchanged_for_the_next_letter()
    {
        var template = Template(P("Dear {{ name }},"));

        using var first = MergedDocument.Merge(template, new() { ["name"] = "Anna" });
        using var second = MergedDocument.Merge(template, new() { ["name"] = "Bartosz" });

        Assert.Equal("Dear Anna,", first.BodyText);
        Assert.Equal("Dear Bartosz,", second.BodyText);
    }

    [Fact]
    public async Task Merge_can_run_on_several_threads_at_once()
    {
        var template = Samples.Load("test_macword2011.docx");

        var texts = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
        {
            var values = Samples.ValuesFor(template, $"#{i}");
            using var merged = MergedDocument.Merge(template, values);
            return (i, merged.BodyText);
        })));

        foreach (var (i, text) in texts)
        {
            Assert.Contains($"first_name-zażółć#{i}", text, StringComparison.Ordinal);
            Assert.DoesNotContain($"#{i + 1} ", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Merge_writes_to_a_stream_that_cannot_seek()
    {
        var template = Template(P("Dear {{ name }},"));
        var output = new ForwardOnlyStream();

        template.Merge(new Dictionary<string, string?> { ["name"] = "Anna" }, output);

        using var merged = new MergedDocument(output.ToArray());
        Assert.Equal("Dear Anna,", merged.BodyText);
        merged.AssertValid();
    }
}
