using System.Globalization;
using System.Runtime.CompilerServices;

namespace MailMerge.Letters;

/// <summary>
/// Writes one combined .docx holding a letter for each recipient, streaming: recipients are read one at a
/// time and each letter is written to the output before the next is merged.
/// </summary>
/// <remarks>
/// <para>
/// With <c>#BEGIN_CONTEXT#</c> and <c>#END_CONTEXT#</c> paragraphs in the template, only the part between them
/// repeats per recipient; what comes before and after appears once, the markers themselves are removed.
/// Without markers the whole body repeats, and the section properties (page size, margins, headers and
/// footers) appear once at the end. A template whose markers are broken is refused with a
/// <see cref="LetterTemplateException"/> before anything is written.
/// </para>
/// <para>
/// Each letter after the first starts on a new page and nothing follows the last one, so the document has no
/// blank pages; numbered lists start again in every letter. When the template's headers or footers hold
/// fields, every letter becomes a section of its own (next-page section break) with its own copies of those
/// headers and footers showing its recipient's values, and its pages are numbered from 1; otherwise the
/// letters share one section and each starts with "page break before". Fields outside the repeated part and
/// in footnotes or endnotes show the first recipient's values. In copies after the first, bookmarks are
/// dropped and drawing ids renumbered, because they must be unique in a document.
/// </para>
/// <para>
/// The document is written while the recipients are read; if reading fails midway, the output holds a
/// partial package and must be discarded. Writes to the output stream are synchronous.
/// </para>
/// </remarks>
/// <param name="template">The letter template.</param>
/// <param name="culture">Culture for <c>\@</c> dates and <c>\#</c> numbers; invariant when null.</param>
public sealed class CombinedDocumentWriter(DocxTemplate template, CultureInfo? culture = null)
{
    private readonly DocxTemplate _template = template ?? throw new ArgumentNullException(nameof(template));
    private readonly CultureInfo _culture = culture ?? CultureInfo.InvariantCulture;

    /// <summary>Writes the combined document for recipients given as a sequence.</summary>
    /// <param name="recipients">Each recipient's values by field name; at least one recipient.</param>
    /// <param name="output">Receives the document; need not be seekable; left open.</param>
    /// <exception cref="LetterTemplateException">The template's context markers are broken.</exception>
    /// <exception cref="ArgumentException">There are no recipients.</exception>
    public CombinedDocumentResult Write(IEnumerable<IReadOnlyDictionary<string, string?>> recipients, Stream output)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(output);

        // The sequence adapter never awaits, so this completes synchronously.
        return WriteAsync(AsAsync(recipients), output, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Writes the combined document for recipients read asynchronously (from a table, a query, ...).</summary>
    /// <inheritdoc cref="Write" path="/param"/>
    /// <inheritdoc cref="Write" path="/exception"/>
    /// <param name="cancellationToken">Stops between letters.</param>
    public async ValueTask<CombinedDocumentResult> WriteAsync(
        IAsyncEnumerable<IReadOnlyDictionary<string, string?>> recipients,
        Stream output,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(output);
        if (_template.ContextMarkerProblem is { } problem)
        {
            throw new LetterTemplateException(problem);
        }

        var enumerator = recipients.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
            {
                throw new ArgumentException("A combined document needs at least one recipient.", nameof(recipients));
            }

            using var session = new CombinedDocumentSession(_template, _culture, new MergeValues(enumerator.Current));
            using var package = new DocxPackageBuilder(_template.Package, output);
            foreach (var entry in package.EntryNames.ToList())
            {
                if (DocxTemplate.IsEntry(entry, _template.MainDocument))
                {
                    var stream = package.Create(entry);
                    await using (stream.ConfigureAwait(false))
                    {
                        session.Begin(stream);
                        do
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            session.AddLetter(new MergeValues(enumerator.Current));
                        }
                        while (await enumerator.MoveNextAsync().ConfigureAwait(false));

                        session.End();
                    }
                }
                else if ((DocxTemplate.IsEntry(entry, _template.NumberingPart) && session.RestartsNumbering)
                    || session.DeferredEntries.Contains(entry, StringComparer.OrdinalIgnoreCase))
                {
                    continue; // Written last, when the number of letters is known.
                }
                else if (_template.OtherParts.FirstOrDefault(p => DocxTemplate.IsEntry(entry, p)) is { } part)
                {
                    package.Write(entry, session.RenderShared(part.Root));
                }
                else
                {
                    package.Copy(entry);
                }
            }

            if (session.RestartsNumbering)
            {
                using var numbering = package.Create(_template.NumberingPart!.EntryName);
                session.WriteNumbering(numbering);
            }

            session.WriteSectionParts(package);

            return session.Result();
        }
    }

    private static async IAsyncEnumerable<IReadOnlyDictionary<string, string?>> AsAsync(
        IEnumerable<IReadOnlyDictionary<string, string?>> recipients,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var recipient in recipients)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return recipient;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
