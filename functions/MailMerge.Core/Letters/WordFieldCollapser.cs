using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MailMerge.Letters;

/// <summary>
/// Replaces Word MERGEFIELD fields with markers: simple fields (w:fldSimple) and complex fields (fldChar
/// begin, instrText possibly split over many runs, separate, result runs, end). Other fields (PAGE, DATE, IF,
/// ...) are left as they are. A complex field must begin and end in the same paragraph, as Word writes
/// MERGEFIELDs.
/// </summary>
internal static class WordFieldCollapser
{
    public static void Collapse(OpenXmlElement root, List<FieldOccurrence> occurrences)
    {
        // Innermost first, so a field nested in another's result is handled before its container.
        foreach (var simple in root.Descendants<SimpleField>().Reverse().ToList())
        {
            CollapseSimple(simple, occurrences);
        }

        foreach (var paragraph in root.Descendants<Paragraph>().ToList())
        {
            CollapseComplex(paragraph, occurrences);
        }
    }

    private static void CollapseSimple(SimpleField simple, List<FieldOccurrence> occurrences)
    {
        if (simple.Parent is null || MergeFieldInstruction.TryParse(simple.Instruction?.Value ?? string.Empty) is not { } field)
        {
            return;
        }

        var properties = simple.Descendants<Run>().FirstOrDefault()?.RunProperties;
        simple.InsertBeforeSelf(FieldMarker.Create(occurrences.Count));
        occurrences.Add(new FieldOccurrence(field, properties?.OuterXml));
        simple.Remove();
    }

    private static void CollapseComplex(Paragraph paragraph, List<FieldOccurrence> occurrences)
    {
        var runs = ParagraphContent.Runs(paragraph);
        if (!runs.Any(run => run.ChildElements.OfType<FieldChar>().Any()))
        {
            return;
        }

        var open = new Stack<OpenField>();
        var complete = new List<OpenField>();
        for (var index = 0; index < runs.Count; index++)
        {
            var run = runs[index];
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case FieldChar { FieldCharType.Value: var type } when type == FieldCharValues.Begin:
                        open.Push(new OpenField(index));
                        break;
                    case FieldChar { FieldCharType.Value: var type } when type == FieldCharValues.Separate:
                        if (open.TryPeek(out var separated))
                        {
                            separated.InResult = true;
                        }

                        break;
                    case FieldChar { FieldCharType.Value: var type } when type == FieldCharValues.End:
                        if (open.TryPop(out var ended))
                        {
                            ended.EndIndex = index;
                            complete.Add(ended);
                        }

                        break;
                    case FieldCode code when open.TryPeek(out var coded) && !coded.InResult:
                        coded.Instruction.Append(code.Text);
                        coded.InstructionRun ??= run;
                        break;
                    case Text when open.TryPeek(out var shown) && shown.InResult:
                        shown.ResultRun ??= run;
                        break;
                    default:
                        break;
                }
            }
        }

        foreach (var field in complete)
        {
            if (MergeFieldInstruction.TryParse(field.Instruction.ToString()) is not { } instruction)
            {
                continue;
            }

            var begin = runs[field.BeginIndex];
            if (begin.Parent is null)
            {
                continue; // It sat inside a merge field removed before it.
            }

            var properties = (field.ResultRun ?? field.InstructionRun ?? begin).RunProperties;
            begin.InsertBeforeSelf(FieldMarker.Create(occurrences.Count));
            occurrences.Add(new FieldOccurrence(instruction, properties?.OuterXml));
            for (var i = field.BeginIndex; i <= field.EndIndex; i++)
            {
                if (runs[i].Parent is not null)
                {
                    runs[i].Remove();
                }
            }
        }
    }

    private sealed class OpenField(int beginIndex)
    {
        public int BeginIndex { get; } = beginIndex;

        public int EndIndex { get; set; }

        public bool InResult { get; set; }

        public StringBuilder Instruction { get; } = new();

        public Run? InstructionRun { get; set; }

        public Run? ResultRun { get; set; }
    }
}
