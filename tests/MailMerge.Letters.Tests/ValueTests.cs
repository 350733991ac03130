using DocumentFormat.OpenXml.Wordprocessing;
using static MailMerge.Letters.Tests.TestDocx;

namespace MailMerge.Letters.Tests;

public sealed class ValueTests
{
    private static readonly DocxTemplate Letter = Template(
        $"<w:p><w:r><w:t>[</w:t></w:r>{Complex("MERGEFIELD value")}<w:r><w:t>]</w:t></w:r></w:p>" + P("({{ value }})"));

    [Theory]
    [InlineData("<&\"'>")]
    [InlineData("Tom & Jerry <tom@example.test>")]
    [InlineData("Zażółć gęślą jaźń ŁÓDŹ")]
    [InlineData("Grüße 👋🏽 from 🇵🇱")]
    [InlineData("]]></w:t></w:r><w:r><w:t>")]
    [InlineData("  two  spaces  ")]
    public void Merge_writes_any_value_as_plain_text(string value)
    {
        using var merged = MergedDocument.Merge(Letter, new() { ["value"] = value });

        Assert.Equal($"[{value}]\n({value})", merged.BodyText);
        merged.AssertNoFieldLeft();
        merged.AssertValid();
    }

    [Fact]
    public void Merge_turns_line_breaks_into_breaks_and_tabs_into_tabs()
    {
        using var merged = MergedDocument.Merge(Letter, new() { ["value"] = "ul. Polna 1\r\n00-001 Warszawa\nPolska\tPL\rEnd" });

        Assert.Equal("[ul. Polna 1\n00-001 Warszawa\nPolska\tPL\nEnd]\n(ul. Polna 1\n00-001 Warszawa\nPolska\tPL\nEnd)", merged.BodyText);
        Assert.Equal(6, merged.Body.Descendants<Break>().Count());
        Assert.Equal(2, merged.Body.Descendants<TabChar>().Count());
        merged.AssertValid();
    }

    [Fact]
    public void Merge_drops_characters_a_document_cannot_hold()
    {
        using var merged = MergedDocument.Merge(Letter, new() { ["value"] = "a\u0001b\u0000c\uD800d\uFFFEe" });

        Assert.Equal("[abcde]\n(abcde)", merged.BodyText);
        merged.AssertValid();
    }
}
