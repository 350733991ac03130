using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;

namespace MailMerge.Letters;

/// <summary>Writes part XML to a zip entry, whole or as an open root element to stream children into.</summary>
internal static class XmlPartWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        CloseOutput = false,
    };

    public static XmlWriter Create(Stream stream)
    {
        var writer = XmlWriter.Create(stream, Settings);
        writer.WriteStartDocument(standalone: true);
        return writer;
    }

    public static void WriteWhole(Stream stream, OpenXmlElement root)
    {
        using var writer = Create(stream);
        root.WriteTo(writer);
        writer.WriteEndDocument();
    }

    /// <summary>
    /// Writes the start tag of <paramref name="element"/> (a detached copy: it is cloned again here) with all its attributes and namespace declarations
    /// (mc:Ignorable included), so children written after it share those prefixes.
    /// </summary>
    public static void WriteStartTag(XmlWriter writer, OpenXmlElement element)
    {
        var shallow = element.CloneNode(false);
        using var reader = XmlReader.Create(new StringReader(shallow.OuterXml));
        reader.MoveToContent();
        writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
        if (!reader.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            var isDeclaration = reader.Prefix == "xmlns" || (reader.Prefix.Length == 0 && reader.LocalName == "xmlns");
            var declaredPrefix = reader.Prefix == "xmlns" ? reader.LocalName : string.Empty;
            if (isDeclaration && writer.LookupPrefix(reader.Value) == declaredPrefix)
            {
                continue; // Already declared by an enclosing element.
            }

            writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value);
        }
        while (reader.MoveToNextAttribute());
    }
}
