using MailMerge.Templates;
using MailMerge.Tests;

namespace MailMerge.Tests.Templates;

public class MessageTemplateTests
{
    private static MessageTemplate Create(string subject, string body)
    {
        MessageTemplate? template = MessageTemplate.TryCreate(subject, body, out IReadOnlyDictionary<string, TemplateError> errors);
        Assert.Empty(errors);
        return template!;
    }

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Render_html_encodes_values_in_the_body_and_keeps_them_plain_in_the_subject()
    {
        MessageTemplate template = Create("Dla {{ company }}", "<p>{{ company }}</p>");
        RenderedMessage message = template.Render(Fields(("company", "Nowak & Syn <b>\"Łódź\"</b>")));

        Assert.Equal("Dla Nowak & Syn <b>\"Łódź\"</b>", message.Subject);
        Assert.Equal("<p>Nowak &amp; Syn &lt;b&gt;&quot;Łódź&quot;&lt;/b&gt;</p>", message.Html);
        Assert.Contains("Nowak & Syn <b>\"Łódź\"</b>", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_refuses_a_value_that_would_put_a_line_break_into_the_subject()
    {
        MessageTemplate template = Create("Hello {{ name }}", "<p>x</p>");
        Assert.Throws<MergeValueException>(() => template.Render(Fields(("name", "Jan\r\nBcc: all@example.test"))));
    }

    [Theory]
    [InlineData("Jan\u0085Nowak")]
    [InlineData("Jan\u2028Nowak")]
    [InlineData("Jan\u0000")]
    [InlineData("Jan\vNowak")]
    public void Render_refuses_control_characters_in_the_subject(string value)
    {
        MessageTemplate template = Create("Hello {{ name }}", "<p>x</p>");
        Assert.Throws<MergeValueException>(() => template.Render(Fields(("name", value))));
    }

    [Fact]
    public void Render_turns_a_runtime_template_error_into_a_merge_value_error()
    {
        MessageTemplate template = Create("s", "{{ 10 | divided_by: d }}");
        var error = Assert.Throws<MergeValueException>(() => template.Render(Fields(("d", "0"))));
        Assert.Contains("cannot be rendered", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{% include 'footer' %}")]
    [InlineData("<p>\n{%- render 'x' %}")]
    public void TryCreate_refuses_tags_that_load_other_files(string body)
    {
        Assert.Null(MessageTemplate.TryCreate("s", body, out IReadOnlyDictionary<string, TemplateError> errors));
        Assert.Contains("not supported", errors["body"].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_uses_the_default_for_empty_and_missing_fields_and_reports_them()
    {
        MessageTemplate template = Create("Hi", "{{ contact_name | default: \"Szanowni Państwo\" }} {{ city }}");
        RenderedMessage message = template.Render(Fields(("contact_name", "")));

        Assert.StartsWith("Szanowni Państwo", message.Html, StringComparison.Ordinal);
        Assert.Equal(["city", "contact_name"], message.MissingFields);
    }

    [Fact]
    public void Render_matches_field_names_ignoring_case()
    {
        MessageTemplate template = Create("{{ Company_Name }}", "{{ COMPANY_NAME }}");
        RenderedMessage message = template.Render(Fields(("company_name", "Softel")));
        Assert.Equal("Softel", message.Subject);
        Assert.Empty(message.MissingFields);
    }

    [Fact]
    public void Render_offers_the_rendered_subject_to_the_body()
    {
        MessageTemplate template = Create("Nowy rachunek {{ n }}", "<title>{{ subject }}</title>");
        Assert.Equal("<title>Nowy rachunek 7</title>", template.Render(Fields(("n", "7"))).Html);
    }

    [Fact]
    public void TryCreate_reports_syntax_errors_with_line_and_column_per_part()
    {
        MessageTemplate? template = MessageTemplate.TryCreate("ok {{ x }}", "<p>\n  {{ name </p>", out IReadOnlyDictionary<string, TemplateError> errors);

        Assert.Null(template);
        TemplateError error = errors["body"];
        Assert.Equal(2, error.Line);
        Assert.True(error.Column > 1);
        Assert.DoesNotContain("subject", errors.Keys);
    }

    [Fact]
    public void Render_sample_template_keeps_polish_letters_as_text()
    {
        MessageTemplate template = Create("Zmiana rachunku – {{ company_name }}", Samples.BankTemplate());
        RenderedMessage message = template.Render(Fields(("company_name", "Poligrafia Łowicz"), ("bank_account", "PL61 1090"), ("contact_name", "Józef")));

        Assert.Contains("Dzień dobry Józef", message.Html, StringComparison.Ordinal);
        Assert.Contains("Poligrafia Łowicz", message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", message.Html, StringComparison.Ordinal);
        Assert.Contains("details_url", message.MissingFields);
    }

    [Fact]
    public void Render_makes_the_same_plain_text_as_converting_the_rendered_html()
    {
        MessageTemplate template = Create("S", Samples.BankTemplate());
        RenderedMessage message = template.Render(Fields(
            ("company_name", "Nowak & Syn <Sp. j.>"), ("contact_name", "Józef"), ("bank_account", "PL61 1090"),
            ("details_url", "https://crm.test/?a=1&b=2"), ("client_number", "K/1"), ("account_manager_name", "Piotr Żak")));

        Assert.Equal(HtmlToText.Convert(message.Html), message.Text);
        Assert.Contains("Nowak & Syn <Sp. j.>", message.Text, StringComparison.Ordinal);
        Assert.Contains("(https://crm.test/?a=1&b=2)", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsubscribe_url_percent_encodes_merge_values_so_they_cannot_break_out()
    {
        MessageTemplate template = Create("s", "<p>x</p>");
        Assert.True(template.TrySetUnsubscribeUrl("https://crm.test/unsubscribe?c={{ client }}", out _));

        RenderedMessage message = template.Render(Fields(("client", "K/1 & x>\r\nBcc: y")));

        Assert.Equal("https://crm.test/unsubscribe?c=K%2F1%20%26%20x%3E%0D%0ABcc%3A%20y", message.UnsubscribeUrl);
    }
}
