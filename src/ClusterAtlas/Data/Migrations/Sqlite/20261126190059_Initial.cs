using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClusterOrganisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LocalName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Acronym = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Website = table.Column<string>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    Street = table.Column<string>(type: "TEXT", nullable: true),
                    Postcode = table.Column<string>(type: "TEXT", nullable: true),
                    City = table.Column<string>(type: "TEXT", nullable: true),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    RegionName = table.Column<string>(type: "TEXT", nullable: true),
                    NutsCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    LogoUrl = table.Column<string>(type: "TEXT", nullable: true),
                    ShortDescription = table.Column<string>(type: "TEXT", nullable: true),
                    EstablishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ManagementTeamFte = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    ExcellenceLabel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ExcellenceLabelValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OtherLabels = table.Column<string>(type: "TEXT", nullable: true),
                    NetworkMemberships = table.Column<string>(type: "TEXT", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    OtherSpecialisationAreas = table.Column<string>(type: "TEXT", nullable: true),
                    TotalMembers = table.Column<int>(type: "INTEGER", nullable: true),
                    SmeMembers = table.Column<int>(type: "INTEGER", nullable: true),
                    StartupMembers = table.Column<int>(type: "INTEGER", nullable: true),
                    LargeCompanyMembers = table.Column<int>(type: "INTEGER", nullable: true),
                    ResearchOrganisationMembers = table.Column<int>(type: "INTEGER", nullable: true),
                    OtherEcosystemActors = table.Column<int>(type: "INTEGER", nullable: true),
                    StrategyMarkdown = table.Column<string>(type: "TEXT", nullable: true),
                    HasFormalisedStrategy = table.Column<bool>(type: "INTEGER", nullable: true),
                    HasInternationalisationFocus = table.Column<bool>(type: "INTEGER", nullable: true),
                    SupportServicesMarkdown = table.Column<string>(type: "TEXT", nullable: true),
                    CountriesOutsideEurope = table.Column<string>(type: "TEXT", nullable: false),
                    CountriesInEurope = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsSampleData = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClusterOrganisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Countries",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsInEurope = table.Column<bool>(type: "INTEGER", nullable: false),
                    Aliases = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Countries", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "VocabularyTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Vocabulary = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MatchKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VocabularyTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VocabularyTerms_VocabularyTerms_ParentId",
                        column: x => x.ParentId,
                        principalTable: "VocabularyTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CollaboratingCluster",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    ClusterOrganisationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollaboratingCluster", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollaboratingCluster_ClusterOrganisations_ClusterOrganisationId",
                        column: x => x.ClusterOrganisationId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MajorPlayer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", nullable: true),
                    Link = table.Column<string>(type: "TEXT", nullable: true),
                    ClusterOrganisationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MajorPlayer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MajorPlayer_ClusterOrganisations_ClusterOrganisationId",
                        column: x => x.ClusterOrganisationId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ManagementTeamMember",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    Role = table.Column<string>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    ContactVisibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClusterOrganisationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManagementTeamMember", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManagementTeamMember_ClusterOrganisations_ClusterOrganisationId",
                        column: x => x.ClusterOrganisationId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SuccessStory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    ClusterOrganisationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuccessStory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuccessStory_ClusterOrganisations_ClusterOrganisationId",
                        column: x => x.ClusterOrganisationId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportFacility",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", nullable: true),
                    Website = table.Column<string>(type: "TEXT", nullable: true),
                    ClusterOrganisationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportFacility", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportFacility_ClusterOrganisations_ClusterOrganisationId",
                        column: x => x.ClusterOrganisationId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportProgramme",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Link = table.Column<string>(type: "TEXT", nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ClusterOrganisationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportProgramme", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportProgramme_ClusterOrganisations_ClusterOrganisationId",
                        column: x => x.ClusterOrganisationId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProfileTerm",
                columns: table => new
                {
                    ClusterOrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    VocabularyTermId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileTerm", x => new { x.ClusterOrganisationId, x.Field, x.VocabularyTermId });
                    table.ForeignKey(
                        name: "FK_ProfileTerm_ClusterOrganisations_ClusterOrganisationId",
                        column: x => x.ClusterOrganisationId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProfileTerm_VocabularyTerms_VocabularyTermId",
                        column: x => x.VocabularyTermId,
                        principalTable: "VocabularyTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClusterOrganisations_Slug",
                table: "ClusterOrganisations",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClusterOrganisations_Status_PublishedAt",
                table: "ClusterOrganisations",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CollaboratingCluster_ClusterOrganisationId",
                table: "CollaboratingCluster",
                column: "ClusterOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_MajorPlayer_ClusterOrganisationId",
                table: "MajorPlayer",
                column: "ClusterOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ManagementTeamMember_ClusterOrganisationId",
                table: "ManagementTeamMember",
                column: "ClusterOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileTerm_VocabularyTermId",
                table: "ProfileTerm",
                column: "VocabularyTermId");

            migrationBuilder.CreateIndex(
                name: "IX_SuccessStory_ClusterOrganisationId",
                table: "SuccessStory",
                column: "ClusterOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportFacility_ClusterOrganisationId",
                table: "SupportFacility",
                column: "ClusterOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportProgramme_ClusterOrganisationId",
                table: "SupportProgramme",
                column: "ClusterOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_VocabularyTerms_ParentId",
                table: "VocabularyTerms",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_VocabularyTerms_Vocabulary_MatchKey",
                table: "VocabularyTerms",
                columns: new[] { "Vocabulary", "MatchKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CollaboratingCluster");

            migrationBuilder.DropTable(
                name: "Countries");

            migrationBuilder.DropTable(
                name: "MajorPlayer");

            migrationBuilder.DropTable(
                name: "ManagementTeamMember");

            migrationBuilder.DropTable(
                name: "ProfileTerm");

            migrationBuilder.DropTable(
                name: "SuccessStory");

            migrationBuilder.DropTable(
                name: "SupportFacility");

            migrationBuilder.DropTable(
                name: "SupportProgramme");

            migrationBuilder.DropTable(
                name: "VocabularyTerms");

            migrationBuilder.DropTable(
                name: "ClusterOrganisations");
        }
    }
}
