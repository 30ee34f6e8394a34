using System.Text.RegularExpressions;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Schema;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// Reads the layout of a saved ECCP profile page: its name (breadcrumb or title), then blocks of a label line ending in a
/// colon and its values on the following lines, section headings without colons. The labels come from the profile
/// schema (each field's ECCP labels and their variants); a label the schema does not know opens an unknown block, so that
/// its values are reported rather than lost.
/// </summary>
public static partial class EccpPageReader
{
    /// <summary>Labels as the ECCP prints them, folded with TextFolding.MatchKey; matched exactly or as a prefix.</summary>
    private static readonly Lazy<(string Key, EccpPageTarget Target)[]> Labels = new(() =>
    [
        .. ProfileSchema.Fields.Where(f => f.Eccp is not null).SelectMany(f => f.Eccp!.Keys.Select(key => (key, EccpPageTarget.Of(f)))),
        // The page's address block is spread over the street, postcode, city and country fields.
        ("address", EccpPageTarget.Address),
    ]);

    /// <summary>Headings without a colon. "Cluster Strategy" opens the strategy text, and so on; the others close the field before them.</summary>
    private static readonly Lazy<Dictionary<string, EccpPageTarget>> Headings = new(() => new(StringComparer.Ordinal)
    {
        ["generalinformation"] = EccpPageTarget.None,
        ["sectoralandindustrialfocus"] = EccpPageTarget.None,
        ["compositionofthecluster"] = EccpPageTarget.None,
        ["clusterstrategy"] = EccpPageTarget.Of(ProfileSchema.Field(nameof(ClusterOrganisation.StrategyMarkdown))),
        ["supportservices"] = EccpPageTarget.None,
        ["cooperationactivities"] = EccpPageTarget.None,
        ["internationalcooperation"] = EccpPageTarget.None,
        ["europeancooperation"] = EccpPageTarget.None,
        ["supportprogrammes"] = EccpPageTarget.None,
        ["successstoryachievements"] = EccpPageTarget.Of(ProfileSchema.Field(nameof(ClusterAtlas.Profiles.Editing.ProfileForm.SuccessStories))),
        ["primarytabs"] = EccpPageTarget.Ignore,
        ["contact"] = EccpPageTarget.None,
        ["contactdetails"] = EccpPageTarget.None,
        // The newer layout's headings (EccpCurrentLayout reads their lines) close the field before them.
        [EccpCurrentLayout.HeadingKeys[0]] = EccpPageTarget.None,
        [EccpCurrentLayout.HeadingKeys[1]] = EccpPageTarget.None,
        [EccpCurrentLayout.HeadingKeys[2]] = EccpPageTarget.None,
    });

    /// <summary>A heading of the older layout (a line without a colon that opens or closes a section).</summary>
    internal static bool IsHeading(string trimmed) =>
        trimmed.Length is > 0 and <= 120 && !trimmed.EndsWith(':') && Headings.Value.ContainsKey(TextFolding.MatchKey(trimmed));

    internal static (string Name, int Line) FindName(string[] lines, string sourceName)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var match = BreadcrumbPattern().Match(lines[i]);
            if (match.Success && match.Groups["name"].Value.Trim().Length > 0)
            {
                return (match.Groups["name"].Value.Trim(), i + 1);
            }
        }
        // No breadcrumb: the title is the first line that is neither boilerplate, heading nor label.
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.EndsWith(':') && MatchLabel(TextFolding.MatchKey(line)) is not null)
            {
                break; // the title comes before the first field
            }
            if (line.Length == 0 || IsBoilerplate(line) || line.EndsWith(':'))
            {
                continue;
            }
            var key = TextFolding.MatchKey(line);
            if (Headings.Value.ContainsKey(key) || key.Length == 0)
            {
                continue;
            }
            if (line.Length > 200)
            {
                break;
            }
            return (line, i + 1);
        }
        throw new MalformedProfilePageException(sourceName, 1,
            "no cluster name: expected the breadcrumb \"Home > Cluster Organisations > NAME\" or a title line");
    }

    private static bool IsBoilerplate(string line) =>
        line.StartsWith("Printer-friendly version", StringComparison.OrdinalIgnoreCase)
        || line.Equals("Primary tabs", StringComparison.OrdinalIgnoreCase)
        || BreadcrumbPattern().IsMatch(line)
        || line is "View" or "Edit" or "Revisions" or "Colleagues";

    internal static List<EccpPageBlock> SplitIntoFields(string[] lines, int nameLine, string name, ImportReport report)
    {
        var blocks = new List<EccpPageBlock>();
        var current = new EccpPageBlock(EccpPageTarget.None, "", 0);
        blocks.Add(current);
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i];
            var trimmed = line.Trim();
            // The page repeats the name as its title under the breadcrumb.
            if (lineNumber == nameLine || IsBoilerplate(trimmed) || (current.Target == EccpPageTarget.None && blocks.Count == 1 && trimmed == name))
            {
                continue;
            }
            var inText = current.Target.IsTextBlock;
            if (trimmed.EndsWith(':') && trimmed.Length <= 200)
            {
                var labelKey = TextFolding.MatchKey(trimmed);
                var field = MatchLabel(labelKey);
                if (field is not null)
                {
                    current = new EccpPageBlock(field, trimmed.TrimEnd(':').Trim(), lineNumber);
                    blocks.Add(current);
                    continue;
                }
                if (!inText && trimmed.Length <= 150 && !trimmed.Contains("http", StringComparison.OrdinalIgnoreCase))
                {
                    current = new EccpPageBlock(EccpPageTarget.Unknown, trimmed.TrimEnd(':').Trim(), lineNumber);
                    blocks.Add(current);
                    continue;
                }
            }
            // Some saved pages put the value on the label's line: "Total number of members: 45".
            var colon = trimmed.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 2 && colon <= 200 && !inText && MatchLabel(TextFolding.MatchKey(trimmed[..colon])) is { } inlineField)
            {
                current = new EccpPageBlock(inlineField, trimmed[..colon].Trim(), lineNumber);
                current.Values.Add(new EccpPageValue(trimmed[(colon + 2)..], lineNumber));
                blocks.Add(current);
                continue;
            }
            if (trimmed.Length > 0 && trimmed.Length <= 120 && !trimmed.EndsWith(':')
                && Headings.Value.TryGetValue(TextFolding.MatchKey(trimmed), out var heading))
            {
                // "Support services" is both a heading and, as "Support services provided:", a label; a heading never has a colon.
                current = new EccpPageBlock(heading, trimmed, lineNumber);
                blocks.Add(current);
                continue;
            }
            current.Values.Add(new EccpPageValue(line, lineNumber));
        }
        foreach (var block in blocks.Where(b => b.Target == EccpPageTarget.None || b.Target == EccpPageTarget.Ignore))
        {
            foreach (var value in block.NonEmpty)
            {
                report.NotPlaced("(no label)", value.Text.Trim(), value.Line, "text outside any known field");
            }
        }
        return blocks;
    }

    internal static EccpPageTarget? MatchLabel(string key)
    {
        if (key.Length == 0)
        {
            return null;
        }
        foreach (var (known, field) in Labels.Value)
        {
            if (key == known)
            {
                return field;
            }
        }
        // Longer labels are often reworded at the end ("... (see "Organisation type")"): match on their start.
        foreach (var (known, field) in Labels.Value.OrderByDescending(l => l.Key.Length))
        {
            if (known.Length >= 12 && key.StartsWith(known, StringComparison.Ordinal))
            {
                return field;
            }
        }
        return null;
    }

    /// <summary>The index of the first lone surrogate, which no saved text file holds and no database stores faithfully.</summary>
    internal static int? FirstBrokenCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }
        return null;
    }

    [GeneratedRegex(@"[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]")]
    internal static partial Regex ControlCharacters();

    // Patterns that read whole lines run on the linear-time engine: a page is untrusted input, and one backtracking
    // pattern took minutes on a long line.
    [GeneratedRegex(@"^\s*Home\s*>\s*Cluster\s+Organi[sz]ations?\s*>\s*(?<name>.+)$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BreadcrumbPattern();
}
