using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MailMerge.Letters.Tests;

/// <summary>Builds small .docx templates in code from WordprocessingML snippets.</summary>
internal static class TestDocx
{
    public const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
        + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
        + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        + "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
        + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
        + "xmlns:v=\"urn:schemas-microsoft-com:vml\" "
        + "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" mc:Ignorable=\"w14\"";

    public const string Section =
        "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        + "<w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>";

    /// <summary>A paragraph with one plain run.</summary>
    public static string P(string text) => $"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>";

    /// <summary>A complex MERGEFIELD as Word writes it: begin, instruction, separate, «name», end.</summary>
    public static string Complex(string instruction, string runProperties = "") =>
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        + $"<w:r><w:instrText xml:space=\"preserve\"> {instruction} </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        + $"<w:r>{runProperties}<w:t>«field»</w:t></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";

    /// <summary>A PAGE field showing 1 until a renderer updates it.</summary>
    public const string PageField =
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";

    /// <summary>A simple field (w:fldSimple).</summary>
    public static string Simple(string instruction, string runProperties = "") =>
        $"<w:fldSimple w:instr=\" {instruction.Replace("\"", "&quot;", StringComparison.Ordinal)} \"><w:r>{runProperties}<w:t>«field»</w:t></w:r></w:fldSimple>";

    public static DocxTemplate Template(string body, Action<MainDocumentPart>? addParts = null) =>
        DocxTemplate.Load(new MemoryStream(Build(body, addParts)));

    /// <summary>A template whose body is written after its parts are added, to refer to their ids.</summary>
    public static DocxTemplate Template(Func<MainDocumentPart, string> partsThenBody) =>
        DocxTemplate.Load(new MemoryStream(Build(partsThenBody)));

    public static byte[] Build(string body, Action<MainDocumentPart>? addParts = null) =>
        Build(main =>
        {
            addParts?.Invoke(main);
            return body;
        });

    public static byte[] Build(Func<MainDocumentPart, string> partsThenBody)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = partsThenBody(main);
            var section = body.Contains("<w:sectPr", StringComparison.Ordinal) ? string.Empty : Section;
            main.Document = new Document($"<w:document {Namespaces}><w:body>{body}{section}</w:body></w:document>");
        }

        return stream.ToArray();
    }

    /// <summary>Adds a header part and returns its relationship id, for a sectPr headerReference.</summary>
    public static string AddHeader(MainDocumentPart main, string content)
    {
        var part = main.AddNewPart<HeaderPart>();
        part.Header = new Header($"<w:hdr {Namespaces}>{content}</w:hdr>");
        return main.GetIdOfPart(part);
    }

    public static string AddFooter(MainDocumentPart main, string content)
    {
        var part = main.AddNewPart<FooterPart>();
        part.Footer = new Footer($"<w:ftr {Namespaces}>{content}</w:ftr>");
        return main.GetIdOfPart(part);
    }

    public static void AddFootnote(MainDocumentPart main, string content)
    {
        var part = main.AddNewPart<FootnotesPart>();
        part.Footnotes = new Footnotes(
            $"<w:footnotes {Namespaces}>"
            + "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
            + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
            + $"<w:footnote w:id=\"1\">{content}</w:footnote></w:footnotes>");
    }

    /// <summary>A decimal list (numId 1) on level 0.</summary>
    public static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            $"<w:numbering {Namespaces}>"
            + "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
            + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>"
            + "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl>"
            + "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>");
    }

    /// <summary>A "List Number" paragraph style numbered by list 1, linked from its level 0 as Word links them.</summary>
    public static void AddListNumberStyle(MainDocumentPart main)
    {
        AddNumbering(main);
        var level = main.NumberingDefinitionsPart!.Numbering!.Descendants<Level>().Single();
        level.ParagraphStyleIdInLevel = new ParagraphStyleIdInLevel { Val = "ListNumber" };
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            $"<w:styles {Namespaces}>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"ListNumber\"><w:name w:val=\"List Number\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Steps\"><w:name w:val=\"Steps\"/><w:basedOn w:val=\"ListNumber\"/></w:style>"
            + "</w:styles>");
    }

    /// <summary>A paragraph in a given paragraph style.</summary>
    public static string StyledP(string style, string text) =>
        $"<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>";

    /// <summary>A numbered paragraph of list 1.</summary>
    public static string NumberedP(string text) =>
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
        + $"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>";

    /// <summary>A floating text box as Word 2010 and later write it: DrawingML, with a VML copy for older readers.</summary>
    public static string WordTextBox(string paragraphs) =>
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
        + "<wp:anchor distT=\"0\" distB=\"0\" distL=\"114300\" distR=\"114300\" simplePos=\"0\" relativeHeight=\"251659264\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">"
        + "<wp:simplePos x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH>"
        + "<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV>"
        + "<wp:extent cx=\"2000000\" cy=\"600000\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapSquare wrapText=\"bothSides\"/>"
        + "<wp:docPr id=\"7\" name=\"Text Box 7\"/><wp:cNvGraphicFramePr/>"
        + "<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
        + "<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"2000000\" cy=\"600000\"/></a:xfrm>"
        + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></wps:spPr>"
        + $"<wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        + "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        + "<mc:Fallback><w:pict><v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" path=\"m,l,21600r21600,l21600,xe\"/>"
        + "<v:shape id=\"Text Box 7\" type=\"#_x0000_t202\" style=\"width:157pt;height:47pt\">"
        + $"<v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";

    /// <summary>An inline DrawingML text box holding <paramref name="paragraphs"/>.</summary>
    public static string TextBox(string paragraphs, int id = 1) =>
        "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
        + "<wp:extent cx=\"2000000\" cy=\"500000\"/>"
        + $"<wp:docPr id=\"{id}\" name=\"Text Box {id}\"/>"
        + "<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
        + "<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"2000000\" cy=\"500000\"/></a:xfrm>"
        + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></wps:spPr>"
        + $"<wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
}
