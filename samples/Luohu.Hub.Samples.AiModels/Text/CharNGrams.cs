using System.Globalization;
using System.Text;

namespace Luohu.Hub.Samples.AiModels.Text;

/// <summary>
/// Character n-grams of a text: Chinese is written without spaces, so characters and their neighbours are the words a
/// small model can learn without a segmenter. Punctuation and spaces go, Latin letters fold to lower case, digits to 0.
/// </summary>
public static class CharNGrams
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                builder.Append('0');
            }
            else if (char.IsLetter(c))
            {
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static IEnumerable<string> Of(string text, int minOrder, int maxOrder)
    {
        var normalized = Normalize(text);
        for (var n = minOrder; n <= maxOrder; n++)
        {
            for (var i = 0; i + n <= normalized.Length; i++)
            {
                yield return normalized.Substring(i, n);
            }
        }
    }
}
