using System.IO.Compression;

namespace MailMerge.Letters.Tests;

public sealed class PackageLimitTests
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public void Load_refuses_a_part_that_unpacks_beyond_the_part_limit_before_parsing_it()
    {
        byte[] bomb = ZipPackage.Build(("word/document.xml", 200 * Megabyte));
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb should be small, is {bomb.Length} bytes");
        long before = GC.GetTotalAllocatedBytes(precise: true);

        var error = Assert.Throws<LetterTemplateException>(() => DocxTemplate.Load(new MemoryStream(bomb)));

        Assert.Contains("word/document.xml", error.Message, StringComparison.Ordinal);
        Assert.Contains("64 MB", error.Message, StringComparison.Ordinal);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 32 * Megabyte, "the part must not be unpacked to be refused");
    }

    [Fact]
    public void Load_refuses_a_part_compressed_beyond_the_ratio_limit()
    {
        byte[] bomb = ZipPackage.Build(("word/document.xml", 32 * Megabyte));

        var error = Assert.Throws<LetterTemplateException>(() => DocxTemplate.Load(new MemoryStream(bomb)));

        Assert.Contains($"more than {DocxPackageLimits.MaxCompressionRatio}:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_refuses_parts_that_together_unpack_beyond_the_total_limit()
    {
        // Each part is under the ratio check's threshold, so only the total can refuse them.
        var parts = Enumerable.Range(0, 40).Select(i => ($"word/media/part{i}.bin", 3 * Megabyte + Megabyte / 2)).ToArray();
        byte[] package = ZipPackage.Build(parts);

        var error = Assert.Throws<LetterTemplateException>(() => DocxTemplate.Load(new MemoryStream(package)));

        Assert.Contains("128 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_refuses_more_entries_than_the_entry_limit()
    {
        var parts = Enumerable.Range(0, DocxPackageLimits.MaxEntries).Select(i => ($"customXml/item{i}.xml", 1L)).ToArray();
        byte[] package = ZipPackage.Build(parts);

        var error = Assert.Throws<LetterTemplateException>(() => DocxTemplate.Load(new MemoryStream(package)));

        Assert.Contains("at most 1,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_unpacks_no_more_of_a_part_than_its_header_declares()
    {
        // 2 x 80 MB of spaces, declared as 1 KB each: under every limit by the headers, over two by the content.
        byte[] honest = ZipPackage.Build(("word/document.xml", 80 * Megabyte), ("word/media/image.bin", 80 * Megabyte));
        byte[] lying = ZipPackage.DeclareLength(ZipPackage.DeclareLength(honest, "word/document.xml", 1024), "word/media/image.bin", 1024);
        long before = GC.GetTotalAllocatedBytes(precise: true);

        var error = Record.Exception(() => DocxTemplate.Load(new MemoryStream(lying)));

        Assert.IsType<LetterTemplateException>(error);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 32 * Megabyte, "a lying header must not let the part unpack in full");
    }

    [Fact]
    public void Load_refuses_a_package_without_a_main_document_part_as_not_a_word_document()
    {
        byte[] package = ZipPackage.Build();

        var error = Assert.Throws<LetterTemplateException>(() => DocxTemplate.Load(new MemoryStream(package)));

        Assert.Contains("not a Word document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_accepts_the_sample_templates_within_the_limits()
    {
        foreach (string path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Templates"), "*.docx"))
        {
            DocxPackageLimits.Check(File.ReadAllBytes(path));
        }

        Assert.NotEmpty(Samples.Load("test_winword2010.docx").Fields);
    }
}
