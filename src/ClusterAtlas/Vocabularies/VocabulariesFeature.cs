using ClusterAtlas.Caching;
namespace ClusterAtlas.Vocabularies;

/// <summary>Vocabularies and countries: the shipped lists and their translations, and the administrators' changes to the terms.</summary>
public static class VocabulariesFeature
{
    public static IServiceCollection AddVocabularies(this IServiceCollection services) =>
        services
            .AddCacheTags<VocabularyTerm>(ContentTags.Vocabularies)
            .AddSingleton(_ => CountryList.Load())
            .AddSingleton(_ => TermTranslations.Load())
            .AddScoped<VocabularyAdministration>();
}
