using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace MailMerge.Templates;

/// <summary>The subject and HTML body templates of a campaign, parsed once and rendered per recipient.</summary>
public sealed class MessageTemplate
{
    // Encodes markup characters but keeps every letter as text: "Łódź" stays readable and small.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly LiquidTemplate subject;
    private readonly LiquidTemplate body;
    private readonly LiquidTemplate? text;
    private LiquidTemplate? unsubscribe;

    private MessageTemplate(LiquidTemplate subject, LiquidTemplate body, LiquidTemplate? text)
    {
        this.subject = subject;
        this.body = body;
        this.text = text;
    }

    /// <summary>Where replies go (set once when the campaign's templates are loaded).</summary>
    public Campaigns.ReplyToOption? ReplyTo { get; set; }

    /// <summary>Adds the unsubscribe URL template; merge values in it are percent-encoded. False with the error when it does not parse.</summary>
    public bool TrySetUnsubscribeUrl(string source, out TemplateError? error)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!LiquidTemplate.TryParse(source, out LiquidTemplate? parsed, out error))
        {
            return false;
        }

        unsubscribe = parsed;
        return true;
    }

    /// <summary>Parses both templates; returns every syntax error keyed by "subject" or "body".</summary>
    public static MessageTemplate? TryCreate(string subjectSource, string bodySource, out IReadOnlyDictionary<string, TemplateError> errors)
    {
        var found = new Dictionary<string, TemplateError>();
        if (!LiquidTemplate.TryParse(subjectSource, out LiquidTemplate? subject, out TemplateError? subjectError))
        {
            found["subject"] = subjectError;
        }

        if (!LiquidTemplate.TryParse(bodySource, out LiquidTemplate? body, out TemplateError? bodyError))
        {
            found["body"] = bodyError;
        }

        errors = found;
        if (subject is null || body is null)
        {
            return null;
        }

        // The plain-text part is a template of its own, made once from the HTML template's markup, so each
        // message renders it instead of converting its HTML. Liquid tags spread over markup in ways the
        // conversion cannot keep fall back to converting each rendered message.
        return LiquidTemplate.TryParse(HtmlToText.Convert(bodySource), out LiquidTemplate? text, out _)
            ? new MessageTemplate(subject, body, text)
            : new MessageTemplate(subject, body, null);
    }

    /// <summary>Renders the message for one recipient.</summary>
    /// <exception cref="MergeValueException">
    /// A value would put a line break or control character into the subject, or the templates cannot be
    /// rendered with this recipient's values (e.g. a division by zero, a loop past the step limit).
    /// </exception>
    public RenderedMessage Render(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        try
        {
            return RenderChecked(fields);
        }
        catch (MergeValueException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Fluid reports a template that fails on one recipient's values with assorted exception types.
            throw new MergeValueException($"The template cannot be rendered with this recipient's values: {ex.Message}");
        }
    }

    /// <summary>The longest subject, in characters, a message may have.</summary>
    public const int MaxSubjectLength = 998;

    private RenderedMessage RenderChecked(IReadOnlyDictionary<string, string> fields)
    {
        var missing = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        string renderedSubject = subject.Render(fields, NullEncoder.Default, missing).Trim();
        if (HeaderText.HasControlCharacters(renderedSubject))
        {
            throw new MergeValueException("A merge value would put a line break or control character into the subject; headers never carry them.");
        }

        if (renderedSubject.Length > MaxSubjectLength)
        {
            throw new MergeValueException($"The subject would be longer than {MaxSubjectLength} characters.");
        }

        var bodyFields = new Dictionary<string, string>(fields.Count + 1, StringComparer.OrdinalIgnoreCase);
        foreach ((string name, string value) in fields)
        {
            bodyFields[name] = value;
        }

        bodyFields.TryAdd("subject", renderedSubject);
        string html = body.Render(bodyFields, Html, missing);
        string plain = text is null ? HtmlToText.Convert(html) : text.Render(bodyFields, NullEncoder.Default, missing);
        string? unsubscribeUrl = unsubscribe?.Render(fields, System.Text.Encodings.Web.UrlEncoder.Default, missing);
        return new RenderedMessage(renderedSubject, html, plain, [.. missing], unsubscribeUrl);
    }
}
