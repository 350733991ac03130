using System.Text;
using MailMerge.Attachments;

namespace MailMerge.Tests.Attachments;

public class Base64LinesTests
{
    [Fact]
    public void Encode_writes_76_character_crlf_lines_that_decode_to_the_input_for_every_length_near_a_line()
    {
        var random = new Random(11);
        foreach (int length in Enumerable.Range(1, 200).Append(57 * 1000).Append((57 * 1000) + 1))
        {
            byte[] input = new byte[length];
            random.NextBytes(input);

            string encoded = Encoding.ASCII.GetString(Base64Lines.Encode(input));

            string[] lines = encoded.Split("\r\n");
            Assert.Equal(string.Empty, lines[^1]);
            Assert.All(lines[..^1], l => Assert.InRange(l.Length, 4, 76));
            Assert.All(lines[..^2], l => Assert.Equal(76, l.Length));
            Assert.Equal(input, Convert.FromBase64String(encoded.Replace("\r\n", string.Empty, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Encode_of_nothing_is_empty()
    {
        Assert.Empty(Base64Lines.Encode([]));
    }
}
