using System.Globalization;
using DocumentFormat.OpenXml;

namespace MailMerge.Letters;

/// <summary>Swaps the field markers under an element for runs showing one recipient's values.</summary>
internal static class FieldRenderer
{
    /// <summary>Renders every marker in and under <paramref name="element"/>; names without a value go to <paramref name="missing"/>.</summary>
    public static void Render(
        OpenXmlElement element,
        IReadOnlyList<FieldOccurrence> occurrences,
        MergeValues values,
        CultureInfo culture,
        MissingFieldSet missing)
    {
        foreach (var marker in FieldMarker.FindAll(element))
        {
            var occurrence = occurrences[FieldMarker.IndexOf(marker)];
            var field = occurrence.Field;
            if (!values.TryGet(field.Name, out var value))
            {
                missing.Add(field.Name);
            }

            var run = ValueRun.Create(MergeFieldFormatter.Format(field, value, culture), occurrence.RunPropertiesXml);
            if (run is not null)
            {
                marker.InsertBeforeSelf(run);
            }

            marker.Remove();
        }
    }
}
