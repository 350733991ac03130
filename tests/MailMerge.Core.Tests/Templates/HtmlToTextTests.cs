using MailMerge.Templates;

namespace MailMerge.Tests.Templates;

public class HtmlToTextTests
{
    [Fact]
    public void Convert_drops_head_style_and_script_and_keeps_paragraphs_as_lines()
    {
        string text = HtmlToText.Convert("<html><head><title>T</title><style>p{}</style></head><body><p>One</p><p>Two<br>Three</p><script>x()</script></body></html>");
        Assert.Equal("One\n\nTwo\nThree\n", text);
    }

    [Fact]
    public void Convert_keeps_link_addresses_and_decodes_entities()
    {
        string text = HtmlToText.Convert("<p>See <a href=\"https://x.test/?a=1&amp;b=2\">details</a> &amp; more&nbsp;now</p>");
        Assert.Equal("See details (https://x.test/?a=1&b=2) & more now\n", text);
    }

    [Fact]
    public void Convert_turns_list_items_into_dashes()
    {
        Assert.Equal("- a\n- b\n", HtmlToText.Convert("<ul><li>a</li><li>b</li></ul>"));
    }
}
