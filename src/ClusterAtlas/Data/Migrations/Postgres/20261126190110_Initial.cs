using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ClusterAtlas.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LocalName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Acronym = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Website = table.Column<string>(type: "text", nullable: true),
                    Email = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    Street = table.Column<string>(type: "text", nullable: true),
                    Postcode = table.Column<string>(type: "text", nullable: true),
                    City = table.Column<string>(type: "text", nullable: true),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    RegionName = table.Column<string>(type: "text", nullable: true),
                    NutsCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    LogoUrl = table.Column<string>(type: "text", nullable: true),
                    ShortDescription = table.Column<string>(type: "text", nullable: true),
                    EstablishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ManagementTeamFte = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    ExcellenceLabel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ExcellenceLabelValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    OtherLabels = table.Column<string>(type: "text", nullable: true),
                    NetworkMemberships = table.Column<List<string>>(type: "text[]", nullable: false),
                    Languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    OtherSpecialisationAreas = table.Column<string>(type: "text", nullable: true),
                    TotalMembers = table.Column<int>(type: "integer", nullable: true),
                    SmeMembers = table.Column<int>(type: "integer", nullable: true),
                    StartupMembers = table.Column<int>(type: "integer", nullable: true),
                    LargeCompanyMembers = table.Column<int>(type: "integer", nullable: true),
                    ResearchOrganisationMembers = table.Column<int>(type: "integer", nullable: true),
                    OtherEcosystemActors = table.Column<int>(type: "integer", nullable: true),
                    StrategyMarkdown = table.Column<string>(type: "text", nullable: true),
                    HasFormalisedStrategy = table.Column<bool>(type: "boolean", nullable: true),
                    HasInternationalisationFocus = table.Column<bool>(type: "boolean", nullable: true),
                    SupportServicesMarkdown = table.Column<string>(type: "text", nullable: true),
                    CountriesOutsideEurope = table.Column<List<string>>(type: "text[]", nullable: false),
                    CountriesInEurope = table.Column<List<string>>(type: "text[]", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsSampleData = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClusterOrganisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Countries",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsInEurope = table.Column<bool>(type: "boolean", nullable: false),
                    Aliases = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Countries", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "VocabularyTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Vocabulary = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MatchKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    ClusterOrganisationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollaboratingCluster", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollaboratingCluster_ClusterOrganisations_ClusterOrganisati~",
                        column: x => x.ClusterOrganisationId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MajorPlayer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Type = table.Column<string>(type: "text", nullable: true),
                    Link = table.Column<string>(type: "text", nullable: true),
                    ClusterOrganisationId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true),
                    Role = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    Email = table.Column<string>(type: "text", nullable: true),
                    ContactVisibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ClusterOrganisationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManagementTeamMember", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManagementTeamMember_ClusterOrganisations_ClusterOrganisati~",
                        column: x => x.ClusterOrganisationId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SuccessStory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: true),
                    ClusterOrganisationId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Type = table.Column<string>(type: "text", nullable: true),
                    Website = table.Column<string>(type: "text", nullable: true),
                    ClusterOrganisationId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Link = table.Column<string>(type: "text", nullable: true),
                    Level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ClusterOrganisationId = table.Column<int>(type: "integer", nullable: false)
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
                    ClusterOrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Field = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    VocabularyTermId = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
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
