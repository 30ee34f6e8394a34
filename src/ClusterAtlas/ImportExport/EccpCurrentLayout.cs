using System.Text.RegularExpressions;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Profiles.Schema;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// The ECCP's profile page since its 2021 relaunch: the name, the name in the local language when there is one, a line
/// "Country: Region", the contact person and an "N% completed" badge; then "About us" with free text, facts written as
/// "Established - 14 March 2010", a "Cluster composition" block of numbers each followed by its label (the SMEs' number
/// has none), and "Support services for upskilling and reskilling of companies workforce" with its items. These parts
/// become blocks like the older layout's labels; the lines they take are blanked, so that the older reader, which reads
/// what is left (labels with a colon, such as "Sectoral Industries:"), reports every other line with its number.
/// </summary>
public static partial class EccpCurrentLayout
{
    private const string AboutUs = "aboutus";
    private const string Composition = "clustercomposition";
    private const string Upskilling = "supportservicesforupskillingandreskillingofcompaniesworkforce";

    /// <summary>The headings of this layout: the older reader lets them close the field before them.</summary>
    public static readonly IReadOnlyList<string> HeadingKeys = [AboutUs, Composition, Upskilling];

    private static EccpPageTarget Target(string field) => EccpPageTarget.Of(ProfileSchema.Field(field));

    /// <summary>The page is of this layout when it has its badge, one of its headings or one of its "Label - value" facts.</summary>
    public static bool Detect(string[] lines) => lines.Any(line =>
    {
        var trimmed = line.Trim();
        var key = TextFolding.MatchKey(trimmed);
        return CompletedBadge().IsMatch(trimmed) || (trimmed.Length <= 120 && HeadingKeys.Contains(key)) || DashFact(trimmed) is not null;
    });

    /// <summary>
    /// Reads the parts of this layout into blocks and blanks their lines in <paramref name="lines"/>; returns the name
    /// and its line.
    /// </summary>
    internal static (string Name, int Line, List<EccpPageBlock> Blocks) Read(string[] lines, CountryList countries, ImportReport report, string sourceName)
    {
        var blocks = new List<EccpPageBlock>();
        var nameIndex = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (nameIndex < 0 || IsSectionStart(lines[nameIndex].Trim()) || CompletedBadge().IsMatch(lines[nameIndex].Trim()))
        {
            throw new MalformedProfilePageException(sourceName, nameIndex + 1,
                "no cluster name: the page's first line should be the cluster organisation's name");
        }
        var name = lines[nameIndex].Trim();
        lines[nameIndex] = "";
        var i = ReadHeader(lines, nameIndex + 1, countries, blocks, report);
        while (i < lines.Length)
        {
            var trimmed = lines[i].Trim();
            var key = TextFolding.MatchKey(trimmed);
            if (key == AboutUs && !trimmed.EndsWith(':'))
            {
                i = ReadText(lines, i + 1, Block(blocks, nameof(ClusterOrganisation.ShortDescription), trimmed, i + 1));
            }
            else if (key == Composition && !trimmed.EndsWith(':'))
            {
                i = ReadComposition(lines, i + 1, blocks, report);
            }
            else if (key == Upskilling)
            {
                i = ReadItems(lines, i + 1, Block(blocks, nameof(ProfileForm.SupportServices), trimmed, i + 1));
            }
            else if (DashFact(trimmed) is { } fact)
            {
                Block(blocks, fact.Target, fact.Label, i + 1).Values.Add(new EccpPageValue(fact.Value, i + 1));
                lines[i++] = "";
            }
            else
            {
                i++;
            }
        }
        return (name, nameIndex + 1, blocks);
    }

    /// <summary>The lines between the name and the first section: the local name, "Country: Region", the contact person, the badge.</summary>
    private static int ReadHeader(string[] lines, int start, CountryList countries, List<EccpPageBlock> blocks, ImportReport report)
    {
        var countryFound = false;
        var i = start;
        for (; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (IsSectionStart(trimmed))
            {
                break;
            }
            if (trimmed.Length == 0)
            {
                continue;
            }
            var lineNumber = i + 1;
            lines[i] = "";
            var countryRegion = CountryAndRegion().Match(trimmed);
            if (CompletedBadge().IsMatch(trimmed))
            {
                continue; // how complete the ECCP found the profile: nothing of the profile itself
            }
            if (!countryFound && countryRegion.Success && countries.Find(countryRegion.Groups["country"].Value) is not null)
            {
                countryFound = true;
                Block(blocks, nameof(ClusterOrganisation.CountryCode), "country", lineNumber).Values.Add(new(countryRegion.Groups["country"].Value.Trim(), lineNumber));
                if (countryRegion.Groups["region"].Value.Trim() is { Length: > 0 } region)
                {
                    Block(blocks, nameof(ClusterOrganisation.RegionName), "region", lineNumber).Values.Add(new(region, lineNumber));
                }
            }
            else if (!countryFound && !blocks.Any(b => b.Target.Field?.Name == nameof(ClusterOrganisation.LocalName)))
            {
                Block(blocks, nameof(ClusterOrganisation.LocalName), "local name", lineNumber).Values.Add(new(trimmed, lineNumber));
            }
            else if (countryFound && !blocks.Any(b => b.Target.Field?.Name == nameof(ProfileForm.ManagementTeam)))
            {
                // The contact person is the one member of the team this layout names.
                var team = Block(blocks, nameof(ProfileForm.ManagementTeam), "contact person", lineNumber);
                team.Values.Add(new(trimmed, lineNumber));
                team.Values.Add(new("Contact person", lineNumber));
            }
            else
            {
                report.NotPlaced("(page header)", trimmed, lineNumber,
                    "expected the name in the local language, \"Country: Region\", the contact person or the completion badge here");
            }
        }
        return i;
    }

    /// <summary>"About us": every line up to the next section, fact or label.</summary>
    private static int ReadText(string[] lines, int start, EccpPageBlock block)
    {
        var i = start;
        for (; i < lines.Length && !IsSectionStart(lines[i].Trim()); i++)
        {
            block.Values.Add(new(lines[i], i + 1));
            lines[i] = "";
        }
        return i;
    }

    /// <summary>Items, with or without bullets, up to the next section, fact or label.</summary>
    private static int ReadItems(string[] lines, int start, EccpPageBlock block)
    {
        var i = start;
        for (; i < lines.Length && !IsSectionStart(lines[i].Trim()); i++)
        {
            var item = Bullet().Replace(lines[i].Trim(), "");
            if (item.Length > 0)
            {
                block.Values.Add(new(item, i + 1));
            }
            lines[i] = "";
        }
        return i;
    }

    /// <summary>
    /// Numbers, each followed by its label ("140" then "Cluster Members", or both on one line); a number followed by
    /// another number has no label, and is the SMEs' (the page prints it so).
    /// </summary>
    private static int ReadComposition(string[] lines, int start, List<EccpPageBlock> blocks, ImportReport report)
    {
        (string Number, int Line)? pending = null;
        void Bare()
        {
            if (pending is not { } number)
            {
                return;
            }
            pending = null;
            if (blocks.Any(b => b.Target.Field?.Name == nameof(ClusterOrganisation.SmeMembers)))
            {
                report.NotPlaced("cluster composition", number.Number, number.Line, "a second number without a label (the SMEs' number has none)");
                return;
            }
            Block(blocks, nameof(ClusterOrganisation.SmeMembers), "SMEs", number.Line).Values.Add(new(number.Number, number.Line));
        }
        void Labelled(string number, int numberLine, string label, int labelLine)
        {
            var target = EccpPageReader.MatchLabel(TextFolding.MatchKey(label));
            if (target?.Field is { Kind: FieldKind.Count })
            {
                Block(blocks, target, label, labelLine).Values.Add(new(number, numberLine));
            }
            else
            {
                report.NotPlaced(label, number, labelLine, "unknown label in the cluster composition");
            }
        }
        var i = start;
        for (; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }
            var both = NumberAndLabel().Match(trimmed);
            if (Number().IsMatch(trimmed))
            {
                Bare();
                pending = (trimmed, i + 1);
            }
            else if (both.Success)
            {
                Bare();
                Labelled(both.Groups["number"].Value, i + 1, both.Groups["label"].Value.Trim(), i + 1);
            }
            else if (pending is { } number && !IsSectionStart(trimmed))
            {
                pending = null;
                Labelled(number.Number, number.Line, trimmed, i + 1);
            }
            else
            {
                break;
            }
            lines[i] = "";
        }
        Bare();
        return i;
    }

    private static EccpPageBlock Block(List<EccpPageBlock> blocks, string field, string label, int line) => Block(blocks, Target(field), label, line);

    private static EccpPageBlock Block(List<EccpPageBlock> blocks, EccpPageTarget target, string label, int line)
    {
        var block = new EccpPageBlock(target, label, line);
        blocks.Add(block);
        return block;
    }

    /// <summary>A heading of either layout, a known label with a colon, or a fact: where a section's lines end.</summary>
    private static bool IsSectionStart(string trimmed)
    {
        var key = TextFolding.MatchKey(trimmed);
        return (trimmed.Length <= 120 && (HeadingKeys.Contains(key) || EccpPageReader.IsHeading(trimmed)))
            || (trimmed.EndsWith(':') && EccpPageReader.MatchLabel(key) is not null)
            || DashFact(trimmed) is not null;
    }

    /// <summary>"Established - 14 March 2010": a known label, a dash, its value.</summary>
    private static (EccpPageTarget Target, string Label, string Value)? DashFact(string trimmed)
    {
        var match = DashPattern().Match(trimmed);
        if (!match.Success)
        {
            return null;
        }
        var label = match.Groups["label"].Value.Trim();
        return EccpPageReader.MatchLabel(TextFolding.MatchKey(label)) is { Field: not null } target
            ? (target, label, match.Groups["value"].Value.Trim())
            : null;
    }

    [GeneratedRegex(@"^\d{1,3}\s*%\s*completed?$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex CompletedBadge();

    [GeneratedRegex(@"^(?<label>[^-–—:]{3,80}?)\s+[-–—]\s+(?<value>\S.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex DashPattern();

    [GeneratedRegex(@"^(?<country>[^:]{2,60}):\s*(?<region>.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex CountryAndRegion();

    [GeneratedRegex(@"^\d[\d\s.,]*$", RegexOptions.NonBacktracking)]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?<number>\d[\d.,]*)\s+(?<label>\D.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex NumberAndLabel();

    [GeneratedRegex(@"^(?:[•·▪◦‣*-]|\d{1,2}[.)])\s*", RegexOptions.NonBacktracking)]
    private static partial Regex Bullet();
}
