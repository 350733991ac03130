using DocumentFormat.OpenXml.Wordprocessing;
using static MailMerge.Letters.Tests.TestDocx;

namespace MailMerge.Letters.Tests;

public sealed class DocumentPartTests
{
    [Fact]
    public void Merge_replaces_fields_in_headers_and_footers()
    {
        var withParts = Template(main =>
        {
            var header = AddHeader(main, $"<w:p>{Complex("MERGEFIELD company")}</w:p>");
            var footer = AddFooter(main, "<w:p><w:r><w:t>Ref. {{ reference }}</w:t></w:r></w:p>");
            return P("Body") + "<w:sectPr>"
                + $"<w:headerReference w:type=\"default\" r:id=\"{header}\"/><w:footerReference w:type=\"default\" r:id=\"{footer}\"/>"
                + "</w:sectPr>";
        });

        using var merged = MergedDocument.Merge(withParts, new() { ["company"] = "ACME Sp. z o.o.", ["reference"] = "R/7" });

        Assert.Equal(["company", "reference"], withParts.Fields);
        Assert.Contains("ACME Sp. z o.o.", MergedDocument.TextOf(merged.Main.HeaderParts.Single().Header!), StringComparison.Ordinal);
        Assert.Contains("Ref. R/7", MergedDocument.TextOf(merged.Main.FooterParts.Single().Footer!), StringComparison.Ordinal);
        merged.AssertNoFieldLeft();
        merged.AssertValid();
    }

    [Fact]
    public void Merge_replaces_fields_in_footnotes()
    {
        var template = Template(
            "<w:p><w:r><w:t>See note</w:t></w:r><w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"1\"/></w:r></w:p>",
            main => AddFootnote(main, $"<w:p><w:r><w:t xml:space=\"preserve\">Case </w:t></w:r>{Simple("MERGEFIELD case_number")}</w:p>"));

        using var merged = MergedDocument.Merge(template, new() { ["case_number"] = "II C 12/26" });

        Assert.Contains("Case II C 12/26", MergedDocument.TextOf(merged.Main.FootnotesPart!.Footnotes!), StringComparison.Ordinal);
        merged.AssertNoFieldLeft();
        merged.AssertValid();
    }

    [Fact]
    public void Merge_replaces_fields_in_text_boxes()
    {
        var template = Template(
            $"<w:p><w:r><w:t xml:space=\"preserve\">Address: </w:t></w:r>{TextBox($"<w:p>{Complex("MERGEFIELD street")}</w:p><w:p><w:r><w:t>{{{{ city }}}}</w:t></w:r></w:p>")}</w:p>");

        using var merged = MergedDocument.Merge(template, new() { ["street"] = "ul. Długa 5", ["city"] = "Gdańsk" });

        var box = merged.Body.Descendants<TextBoxContent>().Single();
        Assert.Equal("ul. Długa 5\nGdańsk", MergedDocument.TextOf(box));
        merged.AssertNoFieldLeft();
        merged.AssertValid();
    }

    [Fact]
    public void Merge_replaces_fields_in_both_copies_of_a_word_2010_text_box()
    {
        var template = Template($"<w:p>{WordTextBox($"<w:p>{Simple("MERGEFIELD street")}</w:p><w:p><w:r><w:t>{{{{ city }}}}</w:t></w:r></w:p>")}</w:p>");

        using var merged = MergedDocument.Merge(template, new() { ["street"] = "ul. Długa 5", ["city"] = "Gdańsk" }, out var result);

        Assert.Equal(["street", "city"], template.Fields);
        Assert.Empty(result.MissingFields);
        var boxes = merged.Body.Descendants<TextBoxContent>().Select(MergedDocument.TextOf).ToList();
        Assert.Equal(["ul. Długa 5\nGdańsk", "ul. Długa 5\nGdańsk"], boxes);
        merged.AssertNoFieldLeft();
        merged.AssertValid();
    }

    [Fact]
    public void Merge_replaces_fields_in_table_cells()
    {
        var table =
            "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"3000\"/></w:tblGrid>"
            + $"<w:tr><w:tc><w:p>{Complex("MERGEFIELD item")}</w:p></w:tc><w:tc><w:p><w:r><w:t>{{{{price}}}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
        var template = Template(table + P(string.Empty));

        using var merged = MergedDocument.Merge(template, new() { ["item"] = "Abonament", ["price"] = "99,00 zł" });

        var cells = merged.Body.Descendants<TableCell>().Select(MergedDocument.TextOf).ToList();
        Assert.Equal(["Abonament", "99,00 zł"], cells);
        merged.AssertValid();
    }
}
