using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClusterAtlas.Links;
using ClusterAtlas.Profiles;
using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.ImportExport;

/// <summary>
/// The rules for the ECCP page's irregular fields: an address in free lines, the staff count followed by the region,
/// the label with its validity, the team as names, roles, e-mails and phones in turn, facilities and major players with
/// their types and links, partner clusters with their countries, programmes and stories as numbered or loose items.
/// </summary>
public sealed partial class EccpIrregularGroups(CountryList countries)
{
    internal void PlaceAddress(List<EccpPageValue> values, ClusterOrganisation profile, ImportReport report)
    {
        foreach (var v in values)
        {
            var country = countries.Find(v.Text);
            if (country is not null && profile.CountryCode is null)
            {
                profile.CountryCode = country.Code;
                report.Took("country", country.Name, v.Line);
                continue;
            }
            var postcodeCity = PostcodeCityPattern().Match(v.Text);
            if (postcodeCity.Success && profile.City is null)
            {
                profile.Postcode = postcodeCity.Groups["postcode"].Value;
                profile.City = postcodeCity.Groups["city"].Value.Trim();
                report.Took("postcode and city", v.Text, v.Line);
            }
            else if (profile.Street is null)
            {
                profile.Street = v.Text;
                report.Took("street", v.Text, v.Line);
            }
            else if (profile.City is null)
            {
                profile.City = v.Text;
                report.Took("city", v.Text, v.Line);
            }
            else
            {
                report.NotPlaced("address", v.Text, v.Line, "more address lines than street, postcode, city and country");
            }
        }
    }

    internal static void PlaceStaff(List<EccpPageValue> values, ClusterOrganisation profile, ImportReport report)
    {
        foreach (var v in values)
        {
            var number = EccpValueReaders.LeadingNumber().Match(v.Text);
            if (number.Success && profile.ManagementTeamFte is null
                && decimal.TryParse(number.Value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var fte) && fte >= 0)
            {
                profile.ManagementTeamFte = fte;
                report.Took("management team (FTE)", fte.ToString(CultureInfo.InvariantCulture), v.Line);
            }
            else if (profile.RegionName is null && RegionPattern().IsMatch(v.Text))
            {
                // Saved pages show the cluster's region right after the staff count, without a label.
                profile.RegionName = v.Text;
                report.Took("region", v.Text, v.Line);
            }
            else
            {
                report.NotPlaced("management team (FTE)", v.Text, v.Line, "not a number");
            }
        }
        if (profile.ManagementTeamFte is null && values.Count > 0 && RegionPattern().IsMatch(values[0].Text))
        {
            report.Empty("management team (FTE)", values[0].Line - 1);
        }
    }

    internal static void PlaceLabel(List<EccpPageValue> values, ClusterOrganisation profile, ImportReport report)
    {
        foreach (var v in values)
        {
            var key = TextFolding.MatchKey(v.Text);
            ExcellenceLabel? label = key switch
            {
                _ when key.Contains("gold", StringComparison.Ordinal) => ExcellenceLabel.Gold,
                _ when key.Contains("silver", StringComparison.Ordinal) => ExcellenceLabel.Silver,
                _ when key.Contains("bronze", StringComparison.Ordinal) => ExcellenceLabel.Bronze,
                "none" or "nolabel" or "no" => ExcellenceLabel.None,
                _ => null,
            };
            var validity = ValidUntilPattern().Match(v.Text);
            if (validity.Success && DateOnly.TryParseExact(validity.Groups["date"].Value.Trim(), EccpValueReaders.DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
            {
                profile.ExcellenceLabelValidUntil = until;
                report.Took("excellence label valid until", until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.Line);
            }
            if (label is not null && profile.ExcellenceLabel is null)
            {
                profile.ExcellenceLabel = label;
                report.Took("cluster excellence label", label.Value.ToString(), v.Line);
            }
            else if (!validity.Success)
            {
                report.NotPlaced("cluster excellence label", v.Text, v.Line, "expected Bronze, Silver or Gold Label");
            }
        }
    }

    internal static void PlaceTeam(List<EccpPageValue> values, ClusterOrganisation profile, ImportReport report)
    {
        ManagementTeamMember? member = null;
        ManagementTeamMember Start()
        {
            member = new ManagementTeamMember { SortOrder = profile.ManagementTeam.Count };
            profile.ManagementTeam.Add(member);
            return member;
        }
        foreach (var v in values)
        {
            var text = v.Text;
            if (EmailPattern().IsMatch(text))
            {
                (member is null || member.Email is not null ? Start() : member).Email = text;
                report.Took("management team e-mail", text, v.Line);
            }
            else if (PhonePattern().IsMatch(text))
            {
                (member is null || member.Phone is not null ? Start() : member).Phone = text;
                report.Took("management team phone", text, v.Line);
            }
            else if (IsRole(text))
            {
                // A role opens a new person unless it follows that person's name.
                var target = member is not null && member.Role is null && member.Phone is null && member.Email is null ? member : Start();
                target.Role = text;
                report.Took("management team role", text, v.Line);
            }
            else
            {
                Start().Name = text;
                report.Took("management team name", text, v.Line);
            }
        }
    }

    private static bool IsRole(string text) => RolePattern().IsMatch(text);

    internal void PlaceCollaboratingClusters(List<EccpPageValue> values, ClusterOrganisation profile, ImportReport report)
    {
        foreach (var v in values)
        {
            string name = v.Text;
            Country? country = null;
            var lastComma = v.Text.LastIndexOf(',');
            var dash = TrailingDash().Match(v.Text);
            var parenthesis = TrailingParenthesis().Match(v.Text);
            if (lastComma > 0 && countries.Find(v.Text[(lastComma + 1)..]) is { } byComma)
            {
                (name, country) = (v.Text[..lastComma].Trim(), byComma);
            }
            else if (parenthesis.Success && countries.Find(parenthesis.Groups["country"].Value) is { } byParenthesis)
            {
                (name, country) = (v.Text[..parenthesis.Index].Trim(), byParenthesis);
            }
            else if (dash.Success && countries.Find(dash.Groups["country"].Value) is { } byDash)
            {
                (name, country) = (v.Text[..dash.Index].Trim(), byDash);
            }
            profile.CollaboratingClusters.Add(new CollaboratingCluster
            {
                Name = name,
                CountryCode = country?.Code,
                SortOrder = profile.CollaboratingClusters.Count,
            });
            if (country is null)
            {
                report.NotPlaced("collaborating cluster country", v.Text, v.Line, "no known country after the name: the cluster is kept without a country");
            }
            else
            {
                report.Took("collaborating cluster", $"{name} ({country.Name})", v.Line);
            }
        }
    }

    /// <summary>Facilities: a name line, then optionally its type (from the vocabulary) and its website.</summary>
    internal static void PlaceFacilities(List<EccpPageValue> values, ClusterOrganisation profile, ImportReport report)
    {
        SupportFacility? current = null;
        foreach (var v in values)
        {
            var parts = v.Text.Split([',', ';', '|', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (EccpValueReaders.UrlPattern().IsMatch(v.Text) && parts.Length == 1 && current is not null && current.Website is null)
            {
                current.Website = EccpValueReaders.WebAddress(v.Text, "support facility website", [v], report);
                if (current.Website is not null)
                {
                    report.Took("support facility website", v.Text, v.Line);
                }
                continue;
            }
            if (current is not null && current.Type is null && parts.Length == 1 && FacilityTypePattern().IsMatch(v.Text) && v.Text.Length < 60)
            {
                current.Type = v.Text;
                report.Took("support facility type", v.Text, v.Line);
                continue;
            }
            current = new SupportFacility { Name = parts.Length > 0 ? parts[0] : v.Text, SortOrder = profile.SupportFacilities.Count };
            foreach (var part in parts.Skip(1))
            {
                if (EccpValueReaders.UrlPattern().IsMatch(part)) { current.Website ??= EccpValueReaders.WebAddress(part, "support facility website", [v], report); }
                else { current.Type ??= part; }
            }
            profile.SupportFacilities.Add(current);
            report.Took("support facility", current.Name, v.Line);
        }
    }

    /// <summary>Major players: a name line, optionally with its type and a link on the same or the next line.</summary>
    internal static void PlaceMajorPlayers(List<EccpPageValue> values, ClusterOrganisation profile, ImportReport report)
    {
        MajorPlayer? current = null;
        foreach (var v in values)
        {
            var url = EccpValueReaders.UrlPattern().Match(v.Text);
            if (url.Success && url.Length == v.Text.Length && current is not null && current.Link is null)
            {
                current.Link = EccpValueReaders.WebAddress(v.Text, "major player link", [v], report);
                report.Took("major player link", v.Text, v.Line);
                continue;
            }
            var name = url.Success ? v.Text.Remove(url.Index, url.Length).Trim(' ', ',', '-', '–', ':', '(', ')') : v.Text;
            string? type = null;
            var typed = TrailingParenthesis().Match(name);
            if (typed.Success)
            {
                type = typed.Groups["country"].Value.Trim();
                name = name[..typed.Index].Trim();
            }
            if (name.Length == 0)
            {
                report.NotPlaced("major player", v.Text, v.Line, "a link without a name");
                continue;
            }
            current = new MajorPlayer { Name = name, Type = type, Link = url.Success ? EccpValueReaders.WebAddress(url.Value, "major player link", [v], report) : null, SortOrder = profile.MajorPlayers.Count };
            profile.MajorPlayers.Add(current);
            report.Took("major player", name, v.Line);
        }
    }

    internal static void PlaceProgrammes(EccpPageBlock block, ClusterOrganisation profile, ImportReport report)
    {
        SupportProgrammeLevel? level = null;
        foreach (var item in SplitItems(block.Values, line =>
                 {
                     // Table headings such as "Name & Description (Regional/National)Link (Regional/National)".
                     if (!line.Contains("Name & Description", StringComparison.OrdinalIgnoreCase)
                         && !line.Contains("Name and Description", StringComparison.OrdinalIgnoreCase))
                     {
                         return false;
                     }
                     var key = TextFolding.MatchKey(line);
                     level = key.Contains("regionalnational", StringComparison.Ordinal) ? SupportProgrammeLevel.RegionalOrNational
                         : key.Contains("europeaninternational", StringComparison.Ordinal) ? SupportProgrammeLevel.EuropeanOrInternational
                         : key.Contains("european", StringComparison.Ordinal) ? SupportProgrammeLevel.European
                         : key.Contains("international", StringComparison.Ordinal) ? SupportProgrammeLevel.International
                         : key.Contains("national", StringComparison.Ordinal) ? SupportProgrammeLevel.National
                         : key.Contains("regional", StringComparison.Ordinal) ? SupportProgrammeLevel.Regional
                         : null;
                     return true;
                 }))
        {
            var text = item.Text;
            var link = EccpValueReaders.UrlPattern().Match(text);
            var name = ProgrammeName(text);
            profile.SupportProgrammes.Add(new SupportProgramme
            {
                Name = name,
                Description = text,
                Link = link.Success ? LinkPolicy.NormaliseWebAddress(link.Value.TrimEnd('.', ',', ')', ';')) : null,
                Level = item.Level ?? level,
                SortOrder = profile.SupportProgrammes.Count,
            });
            report.Took("support programme", name, item.Line);
        }
    }

    internal static void PlaceStories(EccpPageBlock block, ClusterOrganisation profile, ImportReport report)
    {
        foreach (var item in SplitItems(block.Values, _ => false))
        {
            var (title, text) = SplitTitle(item.Text);
            profile.SuccessStories.Add(new SuccessStory { Title = title, Text = text, SortOrder = profile.SuccessStories.Count });
            report.Took("success story", title, item.Line);
        }
    }

    private sealed record Item(string Text, int Line, SupportProgrammeLevel? Level);

    /// <summary>
    /// Splits a block into items: numbered ("1. ...") or bulleted lines open an item and the lines after
    /// them continue it; without numbering, blank lines separate items.
    /// </summary>
    private static List<Item> SplitItems(List<EccpPageValue> values, Func<string, bool> isHeading)
    {
        var items = new List<Item>();
        var numbered = values.Any(v => ListItemPattern().IsMatch(v.Text));
        var text = new StringBuilder();
        var start = 0;
        var lastWasBlank = true;
        void Flush()
        {
            if (text.Length > 0)
            {
                items.Add(new Item(text.ToString().Trim(), start, null));
                text.Clear();
            }
        }
        foreach (var v in values)
        {
            var line = v.Text.Trim();
            if (line.Length == 0)
            {
                lastWasBlank = true;
                continue;
            }
            if (isHeading(line))
            {
                Flush();
                lastWasBlank = true;
                continue;
            }
            var marker = ListItemPattern().Match(line);
            if ((numbered && marker.Success) || (!numbered && lastWasBlank))
            {
                Flush();
                start = v.Line;
                line = marker.Success ? line[marker.Length..].Trim() : line;
            }
            else if (text.Length > 0)
            {
                text.Append(lastWasBlank ? "\n\n" : " ");
            }
            if (text.Length == 0)
            {
                start = v.Line;
            }
            text.Append(line);
            lastWasBlank = false;
        }
        Flush();
        return items;
    }

    private static string ProgrammeName(string text)
    {
        var quoted = QuotedName().Match(text);
        if (quoted.Success && quoted.Index < 5)
        {
            return quoted.Groups["name"].Value.Trim();
        }
        var cut = ProgrammeNameEnd().Match(text);
        var name = cut.Success ? text[..cut.Index] : FirstSentence(text);
        name = name.Trim().Trim('"', '“', '”', '„', '\'', ' ');
        return name.Length > 200 ? name[..200].TrimEnd() + "…" : name;
    }

    private static (string Title, string? Text) SplitTitle(string text)
    {
        var separator = TitleSeparator().Match(text);
        if (separator.Success && separator.Index is > 0 and <= 200)
        {
            return (text[..separator.Index].Trim(), text[(separator.Index + separator.Length)..].Trim());
        }
        var sentence = FirstSentence(text);
        if (sentence.Length < text.Length && sentence.Length <= 200)
        {
            return (sentence.TrimEnd('.'), text[sentence.Length..].Trim());
        }
        return text.Length <= 200 ? (text, null) : (text[..120].TrimEnd() + "…", text);
    }

    private static string FirstSentence(string text)
    {
        var end = SentenceEnd().Match(text);
        return end.Success ? text[..(end.Index + 1)] : text;
    }

    [GeneratedRegex(@"^(?:Autonomous\s+)?(?:Region|Province|County|District|Oblast|Land|Voivodeship|Canton)\b|\b(?:Region|Province|County|Oblast)\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"valid(?:ity)?\s*(?:until|till|to|thru|through)?\s*:?\s*(?<date>[\w ,./-]+\d{4})", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ValidUntilPattern();

    [GeneratedRegex(@"^[\w.+'-]+@[\w-]+(\.[\w-]+)+$", RegexOptions.NonBacktracking)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(?:tel\.?|phone|mob\.?|mobile)?\s*:?\s*\+?[\d\s\-()/.]{6,}$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\b(?:manager|responsible|director|coordinator|co-ordinator|president|officer|chair|head|ceo|secretary|assistant|advisor|adviser|expert|contact person|representative|executive|lead|leader|administrator)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex RolePattern();

    [GeneratedRegex(@"^(?<postcode>[A-Z]{0,2}[- ]?\d{3,6}(?:[- ]\d{2,3})?)\s+(?<city>\D.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex PostcodeCityPattern();

    [GeneratedRegex(@"\s+[-–—]\s+(?<country>[^-–—]+)$", RegexOptions.NonBacktracking)]
    private static partial Regex TrailingDash();

    [GeneratedRegex(@"\s*\((?<country>[^()]+)\)\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex TrailingParenthesis();

    [GeneratedRegex(@"\b(?:incubator|accelerator|technology cent(?:re|er)|research institute|fab ?lab|innovation hub|creative hub|science (?:and|&) technology park|technology park|science park|service provider|living lab|coworking|co-working)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex FacilityTypePattern();

    [GeneratedRegex(@"^(?:\d{1,3}[.)]|[•·▪◦‣*-])\s+", RegexOptions.NonBacktracking)]
    private static partial Regex ListItemPattern();

    [GeneratedRegex(@"^\s*[""“„'](?<name>[^""“”„]{3,200})[""”“']", RegexOptions.NonBacktracking)]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"[""”]?\s+(?:financed|funded|co-funded|cofinanced|co-financed|supported|implemented)\s+by\b|[.:;]\s", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ProgrammeNameEnd();

    [GeneratedRegex(@"\s+[-–—]\s+|:\s+", RegexOptions.NonBacktracking)]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"[.!?](?=\s+[A-Z0-9])")]
    private static partial Regex SentenceEnd();
}
