using System.Text;
using CsCheck;

namespace ClusterAtlas.Tests.Fuzzing;

/// <summary>Generators of what attackers and broken clients send: the values the fuzz tests throw at the platform.</summary>
public static class HostileInput
{
    /// <summary>How many cases each fuzz test tries; CLUSTERATLAS_FUZZ_CASES raises it for a longer hunt.</summary>
    public static long Cases(long usual) =>
        long.TryParse(Environment.GetEnvironmentVariable("CLUSTERATLAS_FUZZ_CASES"), out var asked) && asked > 0 ? asked : usual;

    private static readonly string[] Nasty =
    [
        "", " ", "\0", "\u0001\u001b[31m", "\r\n", "'", "\"", "\\", "%", "%00", "<script>alert(1)</script>", "javascript:alert(1)",
        "\" OR 1=1 --", "NEAR(a b)", "a*", "\"unterminated", "-", "^", ":", "(", ")", "{}", "[]", "NaN", "-1", "0", "2147483648",
        "99999999999999999999", "1e309", "0x10", "ćao", "Ωmega", "\ud800", "\u202e", "\ufeff", "😀", "null", "undefined",
    ];

    /// <summary>A value: one of the known nasty ones, random text with control characters, or something long.</summary>
    public static readonly Gen<string> Value = Gen.Frequency(
        (6, Gen.OneOf(Nasty)),
        (3, Gen.Char['\0', '\u00ff'].Array[0, 40].Select(chars => new string(chars))),
        (2, Gen.String[0, 20]),
        (1, Gen.Int[200, 20_000].Select(n => new string('x', n))));

    /// <summary>A profile page made hostile: cut short, lines shuffled, bytes of another encoding, NULs, binary, huge lines.</summary>
    public static Gen<string> ProfilePage(string seedPage)
    {
        var lines = seedPage.Split('\n');
        return Gen.Frequency(
            (3, Gen.Int[0, seedPage.Length].Select(n => seedPage[..n])),
            (3, Gen.Shuffle(lines).Select(shuffled => string.Join('\n', shuffled))),
            (2, Gen.Int[0, lines.Length - 1].SelectMany(i => Value.Select(v => string.Join('\n', lines.Take(i).Append(v).Concat(lines.Skip(i)))))),
            (2, Gen.Int[0, seedPage.Length].Select(i => seedPage.Insert(i, "\0"))),
            (1, Gen.Byte.Array[0, 4000].Select(bytes => Encoding.UTF8.GetString(bytes))),
            (1, Gen.Const(Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(seedPage)))),
            (1, Gen.Int[1_000, 300_000].Select(n => seedPage + "\nCluster Excellence Label:\nGold valid until " + new string('1', n) + "\n")),
            (1, Gen.Int[1_000, 300_000].Select(n => seedPage.Replace("\n", "\n" + new string(' ', n % 997), StringComparison.Ordinal))),
            (1, Gen.Int[1, 50].Select(n => string.Concat(Enumerable.Repeat(seedPage, n)))));
    }
}
