using MailMerge.Letters;

namespace MailMerge.LetterBatches;

/// <summary>A checked request with its template and recipients read: what creating or previewing a batch works from.</summary>
/// <param name="Template">The parsed template.</param>
/// <param name="TemplateBytes">The template as uploaded.</param>
/// <param name="Recipients">Each recipient's merge values, in list order.</param>
/// <param name="Method">The delivery method.</param>
/// <param name="Combined">One combined document.</param>
/// <param name="Dropped">Contacts of a selection that get no letter, with the reason.</param>
public sealed record LetterBatchInput(
    DocxTemplate Template, BinaryData TemplateBytes, IReadOnlyList<Dictionary<string, string?>> Recipients, DeliveryMethod Method, bool Combined,
    IReadOnlyList<Contacts.DroppedLine> Dropped);
