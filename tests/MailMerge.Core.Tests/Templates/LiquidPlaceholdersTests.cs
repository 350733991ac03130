using MailMerge.Templates;

namespace MailMerge.Tests.Templates;

public class LiquidPlaceholdersTests
{
    private static LiquidPlaceholders Protect(string html)
    {
        Assert.True(LiquidPlaceholders.TryProtect(html, out LiquidPlaceholders? placeholders, out string? error), error);
        return placeholders;
    }

    [Fact]
    public void Protect_hides_every_liquid_tag_and_restore_gives_the_source_back_unchanged()
    {
        const string html = """
            <table>{% for row in rows %}<tr><td class="{{ row.kind | default: "plain" }}" {% if row.bold %}data-bold{% endif %}>{{ row.text }}</td></tr>{% endfor %}</table>
            <title>{{ subject }}</title><a href={{ url }}>x</a><!-- {{ note }} -->{% raw %}{{ not liquid }} <b>{% endraw %}
            """;

        LiquidPlaceholders placeholders = Protect(html);

        Assert.DoesNotContain("{{", placeholders.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("{%", placeholders.Html, StringComparison.Ordinal);
        Assert.Equal(10, placeholders.Count);
        Assert.True(placeholders.TryRestore(placeholders.Html, out string? restored, out string? error), error);
        Assert.Equal(html.Replace(" {% if row.bold %}data-bold{% endif %}", "  {% if row.bold %} data-bold {% endif %} ", StringComparison.Ordinal), restored);
    }

    [Fact]
    public void Tags_in_text_become_comments_so_a_parser_keeps_them_between_table_rows()
    {
        LiquidPlaceholders placeholders = Protect("<table>{% for r in rows %}<tr><td>{{ r }}</td></tr>{% endfor %}</table>");

        Assert.Equal("<table><!--mmliquid0x--><tr><td><!--mmliquid1x--></td></tr><!--mmliquid2x--></table>", placeholders.Html);
    }

    [Fact]
    public void Tags_between_attributes_stand_alone_and_come_back_from_the_attribute_a_parser_made_of_them()
    {
        LiquidPlaceholders placeholders = Protect("""<td {% if vip %}class="gold"{% endif %}>x</td>""");

        Assert.Equal("""<td  mmliquid0x class="gold" mmliquid1x >x</td>""", placeholders.Html);
        Assert.True(placeholders.TryRestore("""<td mmliquid0x="" class="gold" mmliquid1x="" style="color: red">x</td>""", out string? restored, out _));
        Assert.Equal("""<td {% if vip %} class="gold" {% endif %} style="color: red">x</td>""", restored);
    }

    [Fact]
    public void A_prefix_the_template_already_uses_is_not_taken_for_placeholders()
    {
        LiquidPlaceholders placeholders = Protect("<p>mmliquid0x {{ a }}</p>");

        Assert.Contains("<!--mmliquidq0x-->", placeholders.Html, StringComparison.Ordinal);
        Assert.True(placeholders.TryRestore(placeholders.Html, out string? restored, out _));
        Assert.Equal("<p>mmliquid0x {{ a }}</p>", restored);
    }

    [Theory]
    [InlineData("<h{{ level }}>x</h1>", "line 1, column 3")]
    [InlineData("<p data-{{ name }}=\"1\">x</p>", "line 1, column 9")]
    [InlineData("<p {{ name }}-x=\"1\">x</p>", "line 1, column 4")]
    [InlineData("<style>\np { color: {{ brand }}; }</style>", "line 2, column 12")]
    public void Protect_refuses_a_tag_no_placeholder_can_keep_and_says_where(string html, string where)
    {
        Assert.False(LiquidPlaceholders.TryProtect(html, out _, out string? error));
        Assert.StartsWith(where + ":", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_refuses_when_a_placeholder_was_dropped_or_moved()
    {
        LiquidPlaceholders placeholders = Protect("<p>{% if a %}x</p><p>{% endif %}</p>");

        Assert.False(placeholders.TryRestore("<p>x</p><p><!--mmliquid1x--></p>", out _, out string? dropped));
        Assert.Contains("{% if a %}", dropped, StringComparison.Ordinal);
        Assert.False(placeholders.TryRestore("<!--mmliquid1x--><p><!--mmliquid0x-->x</p>", out _, out string? moved));
        Assert.Contains("line 1, column 4", moved, StringComparison.Ordinal);
    }
}
