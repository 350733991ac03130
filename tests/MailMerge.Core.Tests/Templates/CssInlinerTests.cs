using System.Text.RegularExpressions;
using MailMerge.Templates;

namespace MailMerge.Tests.Templates;

public class CssInlinerTests
{
    private static string Inline(string html)
    {
        Assert.True(CssInliner.TryInline(html, out string? inlined, out string? error), error);
        return inlined;
    }

    private static IEnumerable<string> LiquidTags(string html) =>
        Regex.Matches(html, @"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline).Select(m => m.Value);

    [Fact]
    public void The_sample_template_gets_inline_styles_and_keeps_every_liquid_tag_in_order()
    {
        string source = Samples.BankTemplate();

        string inlined = Inline(source);

        Assert.Equal(LiquidTags(source), LiquidTags(inlined));
        Assert.Matches("""<td class="wrapper" style="[^"]*padding: 24px""", inlined);
        Assert.Matches("""<a href="\{\{ details_url \}\}" target="_blank" style="[^"]*color: #ffffff""", inlined);
        Assert.DoesNotContain("GLOBAL RESETS", inlined, StringComparison.Ordinal);
        Assert.Contains("@media only screen and (max-width: 640px)", inlined, StringComparison.Ordinal);
    }

    [Fact]
    public void The_inlined_sample_still_renders_merge_values_html_encoded()
    {
        MessageTemplate? template = MessageTemplate.TryCreate("Zmiana", Inline(Samples.BankTemplate()), out IReadOnlyDictionary<string, TemplateError> errors);
        Assert.Empty(errors);

        RenderedMessage message = template!.Render(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["company_name"] = "Nowak & Syn <script>",
            ["details_url"] = "https://crm.example/a?b=1&c=\"2\"",
        });

        Assert.Contains("Nowak &amp; Syn &lt;script&gt;", message.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://crm.example/a?b=1&amp;c=&quot;2&quot;\"", message.Html, StringComparison.Ordinal);
        Assert.Matches("<p style=\"[^\"]*font-size: 16px[^\"]*\">Dzień dobry Szanowni Państwo,</p>", message.Html);
    }

    [Fact]
    public void A_loop_over_table_rows_survives_inlining_and_renders_each_row_styled()
    {
        string inlined = Inline("""
            <html><head><style>td.amount { text-align: right; }</style></head><body>
            <table>{% for i in (1..3) %}<tr><td class="amount">{{ i }}</td></tr>{% endfor %}</table></body></html>
            """);

        MessageTemplate template = MessageTemplate.TryCreate("s", inlined, out _)!;
        string html = template.Render(new Dictionary<string, string>()).Html;

        Assert.Equal(3, Regex.Count(html, """<td class="amount" style="text-align: right">\d</td>"""));
    }

    [Fact]
    public void A_condition_between_attributes_survives_inlining()
    {
        string inlined = Inline("""<style>p { margin: 0 }</style><p {% if vip %}class="vip"{% endif %} title="{{ "a" | append: name }}">x</p>""");

        Assert.Contains("""{% if vip %} class="vip" {% endif %}""", inlined, StringComparison.Ordinal);
        Assert.Contains("""title="{{ "a" | append: name }}" style="margin: 0">""", inlined, StringComparison.Ordinal);
    }

    [Fact]
    public void Liquid_inside_the_style_block_is_refused_with_its_position()
    {
        Assert.False(CssInliner.TryInline("<style>\n.brand { color: {{ brand_color }} }\n</style><p class=\"brand\">x</p>", out _, out string? error));
        Assert.StartsWith("line 2, column 17:", error, StringComparison.Ordinal);
        Assert.Contains("<style>", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_rule_is_refused_because_nothing_is_fetched()
    {
        Assert.False(CssInliner.TryInline("<style>@import url(https://fonts.example/x.css); p { color: red }</style><p>x</p>", out _, out string? error));
        Assert.Contains("@import url(https://fonts.example/x.css);", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_linked_stylesheet_is_kept_and_not_fetched()
    {
        string inlined = Inline("""<html><head><link rel="stylesheet" href="http://127.0.0.1:9/never.css"><style>p { color: red }</style></head><body><p>x</p></body></html>""");

        Assert.Contains("""<link rel="stylesheet" href="http://127.0.0.1:9/never.css">""", inlined, StringComparison.Ordinal);
        Assert.Contains("""<p style="color: red">x</p>""", inlined, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<meta name="mailmerge-inline-css" content="true">""", null, true)]
    [InlineData("""<META content='TRUE' name='mailmerge-inline-css' />""", null, true)]
    [InlineData("""<meta name="mailmerge-inline-css" content="false">""", null, false)]
    [InlineData("""<meta name="mailmerge-inline-css-x" content="true">""", null, false)]
    [InlineData("<p>no marker</p>", null, false)]
    [InlineData("<p>no marker</p>", true, true)]
    [InlineData("""<meta name="mailmerge-inline-css" content="true">""", false, false)]
    public void Inlining_is_asked_by_the_campaign_or_else_by_the_template_marker(string html, bool? inlineCss, bool asked)
    {
        Assert.Equal(asked, CssInliner.IsAsked(inlineCss, html));
    }
}
