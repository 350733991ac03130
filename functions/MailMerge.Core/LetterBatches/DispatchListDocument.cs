using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MailMerge.LetterBatches;

/// <summary>The dispatch list as a printable Word document: a heading and a table with a repeated header row.</summary>
public static class DispatchListDocument
{
    private static readonly string[] Headings = ["Lp.", "Numer nadawczy", "Adresat", "Adres", "Rodzaj przesyłki"];
    private static readonly int[] Widths = [600, 2300, 2600, 4400, 2100];

    /// <summary>Writes the document.</summary>
    public static void Write(Stream output, LetterBatchRecord batch, IEnumerable<DispatchLine> lines)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(lines);
        using WordprocessingDocument document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        MainDocumentPart main = document.AddMainDocumentPart();
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(Widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(Headings, header: true));
        int count = 0;
        foreach (DispatchLine line in lines)
        {
            table.Append(Row([line.Line.ToString(CultureInfo.InvariantCulture), line.RegisteredNumber, line.Recipient, line.Address, line.DeliveryMethod], header: false));
            count++;
        }

        string title = $"Zestawienie przesyłek: {batch.Subject}";
        string details = string.Join(" · ", new[]
        {
            $"Partia {batch.RowKey}",
            batch.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DeliveryMethods.TryParse(batch.DeliveryMethod, out DeliveryMethod method) ? method.ToLabel() : batch.DeliveryMethod,
            batch.StorageLocation is null ? string.Empty : $"Miejsce przechowywania: {batch.StorageLocation}",
            $"Liczba przesyłek: {count}",
        }.Where(p => p.Length > 0));
        main.Document = new Document(new Body(
            Paragraph(title, bold: true, size: 28),
            Paragraph(details, bold: false, size: 20),
            table,
            new SectionProperties(
                new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 850, Bottom = 850, Left = 850, Right = 850, Header = 425, Footer = 425, Gutter = 0 })));
        main.Document.Save();
    }

    private static TableRow Row(string[] cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        for (int i = 0; i < cells.Length; i++)
        {
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Widths[i].ToString(CultureInfo.InvariantCulture) }),
                Paragraph(cells[i], bold: header, size: 20)));
        }

        return row;
    }

    private static Paragraph Paragraph(string text, bool bold, int size)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        return new Paragraph(new Run(properties, new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>Keeps what XML can hold (no control characters, no lone surrogates) on one line, so any value gives a valid document.</summary>
    private static string Clean(string text)
    {
        var clean = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (c is '\r' or '\n' or '\t')
            {
                clean.Append(' ');
            }
            else if (System.Xml.XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }
}
