using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>What the form's step partials need: the form's values and the choices of its lists.</summary>
public sealed class ProfileFormView
{
    private readonly IReadOnlyDictionary<int, VocabularyTerm> terms;
    private readonly CountryList countries;
    private readonly int emptyRows;

    /// <summary>No more empty rows than this in one group, whatever the address asks for.</summary>
    public const int MaxEmptyRows = 20;

    /// <summary>
    /// Adds an empty row to each of the form's lists (in place: the form is the page's copy) so that people can add
    /// an entry without script; the group whose "Add another" button was pressed gets <paramref name="emptyRows"/> empty
    /// rows (at least one more than it has).
    /// </summary>
    public ProfileFormView(ProfileForm form, IReadOnlyDictionary<int, VocabularyTerm> terms, CountryList countries, string? addedTo = null, int emptyRows = 1)
    {
        this.emptyRows = Math.Clamp(emptyRows, 1, MaxEmptyRows);
        Form = form;
        this.terms = terms;
        this.countries = countries;
        AddedTo = RepeatedGroup.Find(addedTo)?.Property;
        AddEmptyRow(form.ManagementTeam, nameof(form.ManagementTeam));
        AddEmptyRow(form.SupportFacilities, nameof(form.SupportFacilities));
        AddEmptyRow(form.MajorPlayers, nameof(form.MajorPlayers));
        AddEmptyRow(form.CollaboratingClusters, nameof(form.CollaboratingClusters));
        AddEmptyRow(form.SupportProgrammes, nameof(form.SupportProgrammes));
        AddEmptyRow(form.SuccessStories, nameof(form.SuccessStories));
    }

    /// <summary>The group that just got a row from its "Add another" button: its last row takes the focus.</summary>
    public string? AddedTo { get; }

    public ProfileForm Form { get; }

    /// <summary>The profile's address, once it exists (the registration form has none yet).</summary>
    public string? ProfileSlug { get; init; }

    /// <summary>The profile's stored point (typed, or found from its address), where the edit form's small map starts.</summary>
    public (double Latitude, double Longitude)? StoredPoint { get; init; }

    public CountryList Countries => countries;

    /// <summary>The active terms of the vocabulary a field takes, parents before their children, plus any chosen term since retired.</summary>
    public IReadOnlyList<(VocabularyTerm Term, int Depth)> Choices(ProfileField field)
    {
        var vocabulary = Vocabulary.For(field);
        var chosen = Form.TermIds(field);
        var candidates = terms.Values
            .Where(t => t.Vocabulary == vocabulary && (t.Status == TermStatus.Active || chosen.Contains(t.Id)))
            .ToList();
        var ordered = new List<(VocabularyTerm, int)>();
        void Add(int? parentId, int depth)
        {
            foreach (var term in candidates.Where(t => t.ParentId == parentId).OrderBy(t => t.SortOrder).ThenBy(t => t.Label, StringComparer.Ordinal))
            {
                ordered.Add((term, depth));
                Add(term.Id, depth + 1);
            }
        }
        Add(null, 0);
        // Terms whose parent is not a candidate still show, at the top level.
        ordered.AddRange(candidates.Where(t => ordered.All(o => o.Item1.Id != t.Id)).Select(t => (t, 0)));
        return ordered;
    }

    /// <summary>Whether a row's first input takes the focus: it is the row just added.</summary>
    public bool IsAddedRow(string property, int index, int count) => AddedTo == property && index == count - 1;

    /// <summary>The active management roles, offered as suggestions for a team member's role (any other role may be typed).</summary>
    public IReadOnlyList<string> ManagementRoles =>
        [.. terms.Values.Where(t => t.Vocabulary == Vocabulary.ManagementRoles && t.Status == TermStatus.Active)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Label, StringComparer.Ordinal).Select(t => t.Label)];

    /// <summary>One empty row after the others (the form's way of adding without script), more when asked.</summary>
    private void AddEmptyRow<T>(List<T> rows, string property) where T : IFormRow, new()
    {
        if (AddedTo == property)
        {
            var missing = Math.Max(emptyRows - rows.Count(r => r.IsEmpty), 1);
            rows.AddRange(Enumerable.Range(0, missing).Select(_ => new T()));
        }
        else if (rows.Count == 0 || !rows[^1].IsEmpty)
        {
            rows.Add(new T());
        }
    }
}
