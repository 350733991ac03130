using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MailMerge.Letters;

/// <summary>
/// Builds the run that shows a merged value: line breaks become w:br, tabs w:tab, and characters XML cannot
/// carry (control characters, broken surrogate pairs) are dropped, so any value yields a valid document.
/// </summary>
internal static class ValueRun
{
    public static Run? Create(string text, string? propertiesXml)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var run = new Run();
        if (propertiesXml is not null)
        {
            run.AppendChild(new RunProperties(propertiesXml));
        }

        var segment = new StringBuilder();
        void Flush()
        {
            if (segment.Length > 0)
            {
                run.AppendChild(new Text(segment.ToString()) { Space = SpaceProcessingModeValues.Preserve });
                segment.Clear();
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    Flush();
                    run.AppendChild(new Break());
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n' or '\v' or '\u2028' or '\u2029' or '\u0085':
                    Flush();
                    run.AppendChild(new Break());
                    break;
                case '\t':
                    Flush();
                    run.AppendChild(new TabChar());
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        segment.Append(c).Append(text[i + 1]);
                        i++;
                    }
                    else if (XmlConvert.IsXmlChar(c))
                    {
                        segment.Append(c);
                    }

                    break;
            }
        }

        Flush();
        return run.ChildElements.Any(child => child is not RunProperties) ? run : null;
    }
}
