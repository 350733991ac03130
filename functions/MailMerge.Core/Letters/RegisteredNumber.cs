using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MailMerge.Letters;

/// <summary>
/// A registered-mail number in the UPU S10 form, e.g. <c>RR473124829PL</c>: two service-indicator letters,
/// an eight-digit serial number, a check digit and the two-letter country code of the issuing post.
/// </summary>
/// <remarks>
/// The check digit follows S10: the serial's digits are weighted 8, 6, 4, 2, 3, 5, 9, 7 from left to right,
/// the check digit is 11 minus the weighted sum modulo 11, where 10 becomes 0 and 11 becomes 5.
/// Any two letters A–Z are accepted as service indicator and country code; which ones a post uses (RA–RZ for
/// registered letter post, PL for Poczta Polska) is the caller's business.
/// </remarks>
public readonly struct RegisteredNumber : IEquatable<RegisteredNumber>
{
    /// <summary>The largest serial number: eight digits.</summary>
    public const int MaxSerial = 99_999_999;

    private static readonly int[] Weights = [8, 6, 4, 2, 3, 5, 9, 7];

    private RegisteredNumber(string serviceIndicator, int serial, string countryCode)
    {
        ServiceIndicator = serviceIndicator;
        Serial = serial;
        CountryCode = countryCode;
    }

    /// <summary>The two service-indicator letters, e.g. <c>RR</c>.</summary>
    public string ServiceIndicator { get; }

    /// <summary>The serial number, 0 to <see cref="MaxSerial"/>.</summary>
    public int Serial { get; }

    /// <summary>The two-letter country code of the issuing post, e.g. <c>PL</c>.</summary>
    public string CountryCode { get; }

    /// <summary>The S10 check digit of <see cref="Serial"/>.</summary>
    public int CheckDigit => ComputeCheckDigit(Serial);

    /// <summary>Creates a number, computing its check digit.</summary>
    /// <exception cref="ArgumentException">A code is not two letters A–Z.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The serial is not between 0 and 99999999.</exception>
    public static RegisteredNumber Create(string serviceIndicator, int serial, string countryCode)
    {
        ArgumentNullException.ThrowIfNull(serviceIndicator);
        ArgumentNullException.ThrowIfNull(countryCode);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, MaxSerial);
        var service = serviceIndicator.ToUpperInvariant();
        var country = countryCode.ToUpperInvariant();
        if (!IsTwoLetters(service))
        {
            throw new ArgumentException("The service indicator must be two letters A–Z, e.g. RR.", nameof(serviceIndicator));
        }

        if (!IsTwoLetters(country))
        {
            throw new ArgumentException("The country code must be two letters A–Z, e.g. PL.", nameof(countryCode));
        }

        return new RegisteredNumber(service, serial, country);
    }

    /// <summary>The S10 check digit of an eight-digit serial number.</summary>
    public static int ComputeCheckDigit(int serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, MaxSerial);
        var sum = 0;
        var rest = serial;
        for (var i = Weights.Length - 1; i >= 0; i--)
        {
            sum += rest % 10 * Weights[i];
            rest /= 10;
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            10 => 0,
            11 => 5,
            _ => check,
        };
    }

    /// <summary>Whether <paramref name="text"/> is a well-formed S10 number with a correct check digit.</summary>
    public static bool IsValid(string? text) => TryParse(text, out _);

    /// <summary>Parses <c>RR473124829PL</c>; letters may be lower case, spaces are ignored.</summary>
    /// <exception cref="FormatException">The text is not an S10 number or its check digit is wrong.</exception>
    public static RegisteredNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var number)
            ? number
            : throw new FormatException(
                $"'{text}' is not a registered-mail number: expected two letters, eight digits, a correct check digit and two letters, e.g. RR473124829PL.");
    }

    /// <summary>Parses like <see cref="Parse(string)"/>, returning false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out RegisteredNumber number)
    {
        number = default;
        if (text is null)
        {
            return false;
        }

        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (compact.Length != 13
            || !IsTwoLetters(compact[..2])
            || !IsTwoLetters(compact[11..])
            || !compact[2..11].All(char.IsAsciiDigit))
        {
            return false;
        }

        var serial = int.Parse(compact.AsSpan(2, 8), NumberStyles.None, CultureInfo.InvariantCulture);
        if (compact[10] - '0' != ComputeCheckDigit(serial))
        {
            return false;
        }

        number = new RegisteredNumber(compact[..2], serial, compact[11..]);
        return true;
    }

    /// <summary>The number with the next serial, same codes; the counter's next value.</summary>
    /// <exception cref="InvalidOperationException">The serial is already 99999999.</exception>
    public RegisteredNumber Next() =>
        Serial < MaxSerial
            ? new RegisteredNumber(ServiceIndicator, Serial + 1, CountryCode)
            : throw new InvalidOperationException("The registered-mail serial numbers are used up (99999999 reached).");

    /// <summary>The compact form printed in bar codes and stored: <c>RR473124829PL</c>.</summary>
    public override string ToString() =>
        ServiceIndicator is null
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"{ServiceIndicator}{Serial:D8}{CheckDigit}{CountryCode}");

    /// <summary>The human-readable form printed under a bar code: <c>RR 473 124 829 PL</c>.</summary>
    public string ToDisplayString()
    {
        var compact = ToString();
        return compact.Length == 0
            ? compact
            : $"{compact[..2]} {compact[2..5]} {compact[5..8]} {compact[8..11]} {compact[11..]}";
    }

    /// <inheritdoc/>
    public bool Equals(RegisteredNumber other) =>
        Serial == other.Serial
        && string.Equals(ServiceIndicator, other.ServiceIndicator, StringComparison.Ordinal)
        && string.Equals(CountryCode, other.CountryCode, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RegisteredNumber other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ServiceIndicator, Serial, CountryCode);

    /// <summary>Value equality.</summary>
    public static bool operator ==(RegisteredNumber left, RegisteredNumber right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(RegisteredNumber left, RegisteredNumber right) => !left.Equals(right);

    private static bool IsTwoLetters(string code) => code.Length == 2 && code.All(char.IsAsciiLetterUpper);
}
