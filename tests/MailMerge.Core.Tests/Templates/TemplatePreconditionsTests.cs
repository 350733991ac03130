using MailMerge.Api;
using MailMerge.Templates;
using Microsoft.AspNetCore.Http;

namespace MailMerge.Tests.Templates;

public class TemplatePreconditionsTests
{
    private static HeaderDictionary Headers(params (string Name, string Value)[] headers)
    {
        var result = new HeaderDictionary();
        foreach ((string name, string value) in headers)
        {
            result[name] = value;
        }

        return result;
    }

    [Fact]
    public void No_header_means_create_or_replace()
    {
        Assert.True(TemplatePreconditions.TryRead(Headers(), true, out TemplateCondition? condition, out _));
        Assert.Equal(TemplateCondition.None, condition);
    }

    [Theory]
    [InlineData("\"0x8DD1\"")]
    [InlineData("*")]
    [InlineData("W/\"0x8DD1\"")]
    public void If_match_takes_one_entity_tag_or_a_star(string value)
    {
        Assert.True(TemplatePreconditions.TryRead(Headers(("If-Match", value)), true, out TemplateCondition? condition, out _));
        Assert.Equal(value, condition.IfMatch);
        Assert.False(condition.IfNoneExists);
    }

    [Theory]
    [InlineData("0x8DD1")]
    [InlineData("\"a\", \"b\"")]
    [InlineData("\"")]
    [InlineData("\"0x8DE…\"")]
    [InlineData("\"Zażółć\"")]
    [InlineData("\"with space\"")]
    public void If_match_without_quotes_with_a_list_or_with_characters_no_etag_has_is_refused_naming_the_header(string value)
    {
        Assert.False(TemplatePreconditions.TryRead(Headers(("If-Match", value)), true, out _, out (string Header, string Reason)? error));
        Assert.Equal("If-Match", error!.Value.Header);
    }

    [Fact]
    public void If_none_match_star_means_create_only()
    {
        Assert.True(TemplatePreconditions.TryRead(Headers(("If-None-Match", "*")), true, out TemplateCondition? condition, out _));
        Assert.True(condition.IfNoneExists);
    }

    [Theory]
    [InlineData("\"0x8DD1\"", true)]
    [InlineData("*", false)]
    public void If_none_match_other_than_star_or_where_not_allowed_is_refused(string value, bool allowed)
    {
        Assert.False(TemplatePreconditions.TryRead(Headers(("If-None-Match", value)), allowed, out _, out (string Header, string Reason)? error));
        Assert.Equal("If-None-Match", error!.Value.Header);
    }

    [Fact]
    public void Both_headers_at_once_are_refused()
    {
        Assert.False(TemplatePreconditions.TryRead(Headers(("If-Match", "\"1\""), ("If-None-Match", "*")), true, out _, out (string Header, string Reason)? error));
        Assert.Equal("If-None-Match", error!.Value.Header);
    }
}
