using System.Globalization;
using DocumentFormat.OpenXml;

namespace MailMerge.Letters;

/// <summary>
/// The element that stands for a field in a parsed template: whatever form the field had (simple, complex,
/// placeholder split over runs) is collapsed into one marker, so merging only swaps markers for runs. The
/// marker lives in a private namespace and never reaches an output document.
/// </summary>
internal static class FieldMarker
{
    private const string Namespace = "urn:mailmerge:letters:field";
    private const string IndexAttribute = "i";

    public static OpenXmlUnknownElement Create(int index)
    {
        var marker = new OpenXmlUnknownElement("mmf", "field", Namespace);
        marker.SetAttribute(new OpenXmlAttribute(IndexAttribute, string.Empty, index.ToString(CultureInfo.InvariantCulture)));
        return marker;
    }

    public static bool IsMarker(OpenXmlElement element) =>
        element is OpenXmlUnknownElement && element.NamespaceUri == Namespace;

    public static int IndexOf(OpenXmlElement marker) =>
        int.Parse(marker.GetAttribute(IndexAttribute, string.Empty).Value!, CultureInfo.InvariantCulture);

    public static void SetIndex(OpenXmlElement marker, int index) =>
        marker.SetAttribute(new OpenXmlAttribute(IndexAttribute, string.Empty, index.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The markers in and under <paramref name="element"/>, in document order.</summary>
    public static List<OpenXmlElement> FindAll(OpenXmlElement element)
    {
        var found = new List<OpenXmlElement>();
        if (IsMarker(element))
        {
            found.Add(element);
        }

        found.AddRange(element.Descendants().Where(IsMarker));
        return found;
    }
}
