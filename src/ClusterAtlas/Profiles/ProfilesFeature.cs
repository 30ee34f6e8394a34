using ClusterAtlas.Caching;
using ClusterAtlas.WhatsNew;

namespace ClusterAtlas.Profiles;

public static class ProfilesFeature
{
    public static IServiceCollection AddProfiles(this IServiceCollection services) =>
        services
            .AddCacheTags<ClusterOrganisation>(ContentTags.Profiles).AddCacheTags<ProfileTerm>(ContentTags.Profiles).AddCacheTags<Logos.ProfileLogo>(ContentTags.Profiles)
            .AddCacheTags<ManagementTeamMember>(ContentTags.Profiles).AddCacheTags<CollaboratingCluster>(ContentTags.Profiles)
            .AddCacheTags<SupportProgramme>(ContentTags.Profiles).AddCacheTags<SuccessStory>(ContentTags.Profiles)
            .AddCacheTags<ProfileAdministrator>().AddCacheTags<Editing.ProfileRevision>() // who administers a profile and its history: members only
            .AddScoped<ProfileQueries>().AddSingleton<PublishedProfileCache>().AddScoped<ProfileWrites>().AddScoped<Editing.ProfileEditor>().AddScoped<Editing.EditableProfiles>()
            .AddScoped<Editing.ProfileColleagues>().AddScoped<Editing.ColleagueMail>()
            .AddPublishedItems<PublishedProfiles>();
}
