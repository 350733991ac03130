using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace MailMerge.Templates;

/// <summary>A parsed Liquid template. Parsing happens once; rendering is thread-safe.</summary>
public sealed partial class LiquidTemplate
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithCultureInfo(CultureInfo.InvariantCulture)
        .WithMaxSteps(100_000)
        .WithMaxOutputSize(MaxOutputCharacters)
        .WithModelNamesComparer(StringComparer.OrdinalIgnoreCase)
        .Build();
    /// <summary>The most characters one rendering may produce (a message far beyond any mail server's size limit).</summary>
    public const int MaxOutputCharacters = 4_000_000;

    private readonly IFluidTemplate template;

    private LiquidTemplate(IFluidTemplate template) => this.template = template;

    /// <summary>Parses <paramref name="source"/>; on failure returns the error with line and column.</summary>
    public static bool TryParse(string source, [NotNullWhen(true)] out LiquidTemplate? parsed, [NotNullWhen(false)] out TemplateError? error)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (FileTags().Match(source) is { Success: true } fileTag)
        {
            (int line, int column) = Position(source, fileTag.Index);
            parsed = null;
            error = new TemplateError($"'{fileTag.Groups[1].Value}' is not supported: a campaign's template must be self-contained", line, column);
            return false;
        }

        if (Parser.TryParse(source, out IFluidTemplate? template, out string? message))
        {
            parsed = new LiquidTemplate(template);
            error = null;
            return true;
        }

        parsed = null;
        error = ToError(message ?? "The template cannot be parsed.");
        return false;
    }

    /// <summary>
    /// Renders with the given values. Empty values count as missing, so <c>default</c> applies; every missing
    /// name the template asked for is added to <paramref name="missing"/>.
    /// </summary>
    public string Render(IReadOnlyDictionary<string, string> values, TextEncoder encoder, ISet<string> missing)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(missing);
        var context = new TemplateContext(Options, StringComparer.OrdinalIgnoreCase);
        foreach ((string name, string value) in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                context.SetValue(name, value);
            }
        }

        context.Undefined = (name, _) =>
        {
            missing.Add(name);
            return ValueTask.FromResult<FluidValue>(NilValue.Instance);
        };
        return template.Render(context, encoder);
    }

    private static TemplateError ToError(string message)
    {
        string first = message.Split('\n')[0].Trim();
        Match position = PositionPattern().Match(first);
        if (!position.Success)
        {
            return new TemplateError(first, 1, 1);
        }

        string text = first[..position.Index].TrimEnd();
        return new TemplateError(
            text.EndsWith(" at", StringComparison.Ordinal) ? text[..^3] : text,
            int.Parse(position.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(position.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private static (int Line, int Column) Position(string source, int index)
    {
        int line = 1 + source.AsSpan(0, index).Count('\n');
        int lineStart = source.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return (line, index - lineStart + 1);
    }

    [GeneratedRegex(@"\{%-?\s*(include|render|layout|section)\b")]
    private static partial Regex FileTags();

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex PositionPattern();
}
