using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Rules.Workflows.Inputs;

/// <summary>
/// Writes what decides the class RulesEngine makes for a JSON object, into a pooled buffer: each field's name and
/// the kind of its value (long, double, big integer, string, date, boolean, null, object, list). A list is described
/// as RulesEngine types it: by its first element, or, when that is an object, by every object in it (their fields
/// are merged).
/// </summary>
internal struct ShapeWriter : IDisposable
{
    private char[] _buffer;
    private int _length;

    public ShapeWriter()
    {
        _buffer = ArrayPool<char>.Shared.Rent(256);
        _length = 0;
    }

    public readonly ReadOnlySpan<char> Text => _buffer.AsSpan(0, _length);

    public void Write(JsonNode? node)
    {
        switch (node)
        {
            case null:
                Append('n');
                break;
            case JsonObject obj:
                Append('{');
                for (var i = 0; i < obj.Count; i++)
                {
                    var (key, value) = obj.GetAt(i);
                    AppendNumber(key.Length);
                    Append(':');
                    Append(key);
                    Write(value);
                }

                Append('}');
                break;
            case JsonArray array:
                WriteList(array);
                break;
            default:
                Append(Letter((JsonValue)node));
                break;
        }
    }

    private void WriteList(JsonArray array)
    {
        Append('[');
        if (array.Count > 0)
        {
            if (array[0] is JsonObject)
            {
                Append('o');
                foreach (var item in array)
                {
                    if (item is JsonObject element)
                    {
                        Write(element);
                    }
                }
            }
            else
            {
                Append(array[0] switch { null => 'n', JsonArray => 'L', JsonValue value => Letter(value), _ => '?' });
            }
        }

        Append(']');
    }

    private static char Letter(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => JsonDates.MayBeDate(value) && RuleInputs.Primitive(value) is DateTime ? 't' : 's',
        JsonValueKind.True or JsonValueKind.False => 'b',
        JsonValueKind.Null => 'n',
        _ => NumberLetter(value),
    };

    private static char NumberLetter(JsonValue value) => RuleInputs.Primitive(value) switch
    {
        long => 'l',
        double => 'd',
        string => 's',
        DateTime => 't',
        bool => 'b',
        null => 'n',
        _ => 'i',
    };

    private void Append(char c)
    {
        Grow(1);
        _buffer[_length++] = c;
    }

    private void AppendNumber(int value)
    {
        Grow(11);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    private void Append(string text)
    {
        Grow(text.Length);
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void Grow(int more)
    {
        if (_length + more <= _buffer.Length)
        {
            return;
        }

        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = null!;
        }
    }
}
