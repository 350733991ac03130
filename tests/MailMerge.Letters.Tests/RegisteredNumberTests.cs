namespace MailMerge.Letters.Tests;

public sealed class RegisteredNumberTests
{
    [Fact]
    public void ComputeCheckDigit_matches_the_published_S10_example()
    {
        // UPU S10 worked example: 4*8 + 7*6 + 3*4 + 1*2 + 2*3 + 4*5 + 8*9 + 2*7 = 200; 11 - (200 mod 11) = 9.
        Assert.Equal(9, RegisteredNumber.ComputeCheckDigit(47312482));
    }

    [Theory]
    [InlineData(12345678, 5)] // 204 mod 11 = 6 -> 5
    [InlineData(0, 5)] // sum 0 -> 11 -> 5
    [InlineData(8, 0)] // 8*7 = 56, 56 mod 11 = 1 -> 10 -> 0
    [InlineData(99999999, 5)] // 9 * 44 = 396, 396 mod 11 = 0 -> 11 -> 5
    [InlineData(5, 9)] // 5*7 = 35, 35 mod 11 = 2 -> 9
    public void ComputeCheckDigit_follows_the_S10_rule(int serial, int expected)
    {
        Assert.Equal(expected, RegisteredNumber.ComputeCheckDigit(serial));
    }

    [Fact]
    public void Create_formats_the_thirteen_character_number()
    {
        var number = RegisteredNumber.Create("rr", 47312482, "pl");

        Assert.Equal("RR473124829PL", number.ToString());
        Assert.Equal("RR 473 124 829 PL", number.ToDisplayString());
        Assert.Equal(9, number.CheckDigit);
    }

    [Fact]
    public void Create_pads_small_serials_to_eight_digits()
    {
        Assert.Equal("RR000000080PL", RegisteredNumber.Create("RR", 8, "PL").ToString());
    }

    [Theory]
    [InlineData("RR473124829PL")]
    [InlineData("rr473124829pl")]
    [InlineData("RR 473 124 829 PL")]
    [InlineData("EE473124829US")]
    public void TryParse_accepts_well_formed_numbers(string text)
    {
        Assert.True(RegisteredNumber.TryParse(text, out var number));
        Assert.Equal(47312482, number.Serial);
        Assert.True(RegisteredNumber.IsValid(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RR473124828PL")] // wrong check digit
    [InlineData("RR47312482PL")] // eight digits, no check digit
    [InlineData("R1473124829PL")]
    [InlineData("RR473124829P1")]
    [InlineData("RR4731248299PL")]
    [InlineData("ŁR473124829PL")]
    public void TryParse_rejects_malformed_numbers(string? text)
    {
        Assert.False(RegisteredNumber.TryParse(text, out _));
        Assert.False(RegisteredNumber.IsValid(text));
    }

    [Fact]
    public void Parse_explains_what_a_registered_number_looks_like()
    {
        var error = Assert.Throws<FormatException>(() => RegisteredNumber.Parse("RR473124828PL"));

        Assert.Contains("RR473124829PL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_round_trips_created_numbers()
    {
        var number = RegisteredNumber.Create("RR", 12345678, "PL");

        Assert.Equal(number, RegisteredNumber.Parse(number.ToString()));
        Assert.Equal("RR123456785PL", number.ToString());
    }

    [Fact]
    public void Next_continues_the_counter_with_a_new_check_digit()
    {
        var next = RegisteredNumber.Create("RR", 47312482, "PL").Next();

        Assert.Equal(47312483, next.Serial);
        Assert.True(RegisteredNumber.IsValid(next.ToString()));
    }

    [Fact]
    public void Next_refuses_to_go_past_eight_digits()
    {
        var last = RegisteredNumber.Create("RR", RegisteredNumber.MaxSerial, "PL");

        Assert.Throws<InvalidOperationException>(() => last.Next());
    }

    [Theory]
    [InlineData("R", 1, "PL", "serviceIndicator")]
    [InlineData("R1", 1, "PL", "serviceIndicator")]
    [InlineData("RR", 1, "POL", "countryCode")]
    [InlineData("RR", -1, "PL", "serial")]
    [InlineData("RR", 100_000_000, "PL", "serial")]
    public void Create_names_the_wrong_argument(string service, int serial, string country, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => RegisteredNumber.Create(service, serial, country));

        Assert.Equal(parameter, error.ParamName);
    }
}
