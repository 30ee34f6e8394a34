using ClusterAtlas.Vocabularies;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>What the form's step partials need: the form's values and the choices of its lists.</summary>
public sealed class ProfileFormView
{
    private readonly IReadOnlyDictionary<int, VocabularyTerm> terms;
    private readonly CountryList countries;

    /// <summary>Adds empty rows to the form's lists (in place: the form is the page's copy) so that people can add entries without script.</summary>
    public ProfileFormView(ProfileForm form, IReadOnlyDictionary<int, VocabularyTerm> terms, CountryList countries)
    {
        Form = form;
        this.terms = terms;
        this.countries = countries;
        AddEmptyRows(form.ManagementTeam);
        AddEmptyRows(form.SupportFacilities);
        AddEmptyRows(form.MajorPlayers);
        AddEmptyRows(form.CollaboratingClusters);
        AddEmptyRows(form.SupportProgrammes);
        AddEmptyRows(form.SuccessStories, 1);
    }

    public ProfileForm Form { get; }

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

    /// <summary>Empty rows for adding after the filled ones (more after each save).</summary>
    private static void AddEmptyRows<T>(List<T> rows, int empty = 2) where T : IFormRow, new()
    {
        var missing = Math.Max(empty - rows.Count(r => r.IsEmpty), 0);
        for (var i = 0; i < missing; i++)
        {
            rows.Add(new T());
        }
    }
}
