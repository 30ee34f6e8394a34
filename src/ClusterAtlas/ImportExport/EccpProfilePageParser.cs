using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Schema;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// Reads an ECCP profile page saved as text into a profile: <see cref="EccpPageReader"/> splits it into labelled blocks
/// (the labels from the profile schema), each block's values are placed by its field's kind (<see cref="EccpValueReaders"/>)
/// or by the rule for an irregular group (<see cref="EccpIrregularGroups"/>). Saved pages vary (missing sections, labels
/// without values, a last line cut short), so every value that cannot be placed is reported rather than guessed or dropped.
/// </summary>
public sealed class EccpProfilePageParser(CountryList countries)
{
    private readonly EccpValueReaders values = new(countries);
    private readonly EccpIrregularGroups groups = new(countries);

    public ParsedProfilePage Parse(string text, string sourceName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new MalformedProfilePageException(sourceName, 1, "the file is empty: expected a saved ECCP profile page");
        }
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            var nulLine = text[..text.IndexOf('\0', StringComparison.Ordinal)].Count(c => c == '\n') + 1;
            throw new MalformedProfilePageException(sourceName, nulLine, "binary content (a NUL byte): expected a profile page saved as text");
        }
        if (EccpPageReader.FirstBrokenCharacter(text) is { } broken)
        {
            var brokenLine = text[..broken].Count(c => c == '\n') + 1;
            throw new MalformedProfilePageException(sourceName, brokenLine, "broken text (half of a Unicode character): expected a profile page saved as text");
        }
        // Control characters (terminal escapes among them) are never content: they reach neither the report nor the profile.
        text = EccpPageReader.ControlCharacters().Replace(text, "");
        if (!EccpPageHtml.IsHtml(text))
        {
            return ParseText(text, sourceName);
        }
        // A page saved as HTML is read as its text; the report and errors name the lines of the HTML file.
        var (pageText, sourceLines) = EccpPageHtml.ToText(text);
        int SourceLine(int line) => line >= 1 && line <= sourceLines.Length ? sourceLines[line - 1] : line;
        if (sourceLines.Length == 0)
        {
            throw new MalformedProfilePageException(sourceName, 1, "the HTML page has no text: expected a saved ECCP profile page");
        }
        try
        {
            var parsed = ParseText(pageText, sourceName);
            parsed.Report.MapLines(SourceLine);
            return parsed;
        }
        catch (MalformedProfilePageException error)
        {
            throw new MalformedProfilePageException(sourceName, SourceLine(error.Line), error.Problem);
        }
    }

    private ParsedProfilePage ParseText(string text, string sourceName)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u00A0', ' ').Split('\n')
            .Select(l => l.TrimEnd()).ToArray();
        var report = new ImportReport();
        // The layout since 2021 is read first; what it does not take is read as the older layout (labels with a colon).
        var current = EccpCurrentLayout.Detect(lines);
        var (name, nameLine, currentBlocks) = current ? EccpCurrentLayout.Read(lines, countries, report, sourceName) : OlderLayoutName(lines, sourceName);
        report.Layout = current ? EccpLayout.Since2021 : EccpLayout.Older;
        var profile = new ClusterOrganisation { Name = name, Slug = TextFolding.Slug(name), Source = "eccp-import" };
        report.Took("name", name, nameLine);
        report.Slug = profile.Slug;
        if (profile.Slug.Length == 0)
        {
            throw new MalformedProfilePageException(sourceName, nameLine, $"the name \"{name}\" has no letters or digits to make a URL from");
        }

        var blocks = currentBlocks.Concat(EccpPageReader.SplitIntoFields(lines, nameLine, name, report)).ToList();
        if (!blocks.Any(b => b.Target.Field is not null || b.Target == EccpPageTarget.Address))
        {
            throw new MalformedProfilePageException(sourceName, 1,
                "no known profile label found (such as \"Sectoral Industries:\" or \"Cluster Management Team:\"): this is not an ECCP profile page");
        }

        var terms = new List<TermReference>();
        foreach (var block in blocks)
        {
            Place(block, profile, terms, report);
        }
        InferCountryFromPhones(profile, report);
        // A local name is most likely in the country's main language (as the form assumes); its editors can change it.
        profile.LocalLanguage = profile.LocalName is null ? null : countries.MainLanguageOf(profile.CountryCode);
        return new ParsedProfilePage(profile, terms, report);
    }

    private static (string Name, int Line, List<EccpPageBlock> Blocks) OlderLayoutName(string[] lines, string sourceName)
    {
        var (name, line) = EccpPageReader.FindName(lines, sourceName);
        return (name, line, []);
    }

    /// <summary>
    /// Saved pages often lack the cluster's country; the international prefix of its phone numbers tells it
    /// when they all agree.
    /// </summary>
    private void InferCountryFromPhones(ClusterOrganisation profile, ImportReport report)
    {
        if (profile.CountryCode is not null)
        {
            return;
        }
        var phones = profile.ManagementTeam.Select(m => m.Phone).Append(profile.Phone).OfType<string>().ToList();
        var found = phones.Select(countries.FindByPhone).OfType<Country>().Select(c => c.Code).Distinct().ToList();
        if (found.Count == 1)
        {
            profile.CountryCode = found[0];
            report.Took("country", $"{countries.NameOf(found[0])} (from the phone prefix; the page names no country)", 0);
        }
        else
        {
            report.NotPlaced("country", "", 0, found.Count == 0 ? "the page names no country" : "the phone numbers point to different countries");
        }
    }

    private void Place(EccpPageBlock block, ClusterOrganisation profile, List<TermReference> terms, ImportReport report)
    {
        var fieldName = block.Target == EccpPageTarget.Unknown ? block.Label : block.Target.ReportName;
        if (block.Target == EccpPageTarget.None || block.Target == EccpPageTarget.Ignore)
        {
            return;
        }
        var lines = block.NonEmpty.Select(v => v with { Text = v.Text.Trim() }).ToList();
        if (lines.Count == 0)
        {
            if (block.Target == EccpPageTarget.Unknown)
            {
                report.NotPlaced(block.Label, "", block.Line, "unknown label, without a value");
            }
            else
            {
                report.Empty(fieldName, block.Line);
            }
            return;
        }
        if (block.Target == EccpPageTarget.Unknown)
        {
            foreach (var v in lines)
            {
                report.NotPlaced(block.Label, v.Text, v.Line, "unknown label");
            }
            return;
        }
        if (block.Target == EccpPageTarget.Address)
        {
            groups.PlaceAddress(lines, profile, report);
            return;
        }
        var field = block.Target.Field!;
        switch (field.Eccp!.Rule)
        {
            case EccpRule.ManagementStaff: EccpIrregularGroups.PlaceStaff(lines, profile, report); return;
            case EccpRule.ExcellenceLabel: EccpIrregularGroups.PlaceLabel(lines, profile, report); return;
            case EccpRule.ManagementTeam: EccpIrregularGroups.PlaceTeam(lines, profile, report); return;
            case EccpRule.SupportFacilities: EccpIrregularGroups.PlaceFacilities(lines, profile, report); return;
            case EccpRule.MajorPlayers: EccpIrregularGroups.PlaceMajorPlayers(lines, profile, report); return;
            case EccpRule.CollaboratingClusters: groups.PlaceCollaboratingClusters(lines, profile, report); return;
            case EccpRule.SupportProgrammes: EccpIrregularGroups.PlaceProgrammes(block, profile, report); return;
            case EccpRule.SuccessStories: EccpIrregularGroups.PlaceStories(block, profile, report); return;
        }
        void Set(object? value) => field.SetEntityValue(profile, value);
        switch (field.Kind)
        {
            case FieldKind.Text when field.Eccp.TextBlock: Set(EccpValueReaders.JoinText(lines, report, fieldName)); break;
            case FieldKind.Text or FieldKind.Email or FieldKind.Phone: Set(EccpValueReaders.Single(lines, fieldName, report)); break;
            case FieldKind.Url: Set(EccpValueReaders.WebAddress(EccpValueReaders.Single(lines, fieldName, report), fieldName, lines, report)); break;
            case FieldKind.Markdown:
                Set(PlainTextMarkdown.FromPageText(block.Values.Select(v => v.Text)));
                report.Took(fieldName, $"{lines.Count} lines of text", lines[0].Line);
                break;
            case FieldKind.Country: values.PlaceCountry(lines, report, code => Set(code)); break;
            case FieldKind.Date: EccpValueReaders.PlaceDate(lines, fieldName, report, d => Set(d), allowFuture: !field.NotInFuture); break;
            case FieldKind.Count: EccpValueReaders.PlaceCount(lines, fieldName, report, n => Set(n)); break;
            case FieldKind.YesNo: EccpValueReaders.PlaceYesNo(lines, fieldName, report, b => Set(b)); break;
            case FieldKind.Countries: values.PlaceCountries(lines, fieldName, report, (List<string>)field.EntityValue(profile)!); break;
            case FieldKind.Languages: EccpValueReaders.PlaceLanguages(lines, report, (List<string>)field.EntityValue(profile)!); break;
            case FieldKind.Terms: EccpValueReaders.AddTerms(lines, field.TermField!.Value, terms); break;
            case FieldKind.Lines:
                foreach (var v in lines)
                {
                    ((List<string>)field.EntityValue(profile)!).Add(v.Text);
                    report.Took(fieldName, v.Text, v.Line);
                }
                break;
            default:
                foreach (var v in lines)
                {
                    report.NotPlaced(fieldName, v.Text, v.Line, "no rule for this field");
                }
                break;
        }
    }
}
