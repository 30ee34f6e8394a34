using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPartnerSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PartnerSearchPostings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CallName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CallProgramme = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CallLink = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    TargetCountries = table.Column<string>(type: "TEXT", nullable: false),
                    Intents = table.Column<string>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerSearchPostings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerSearchPostings_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PartnerSearchPostings_ClusterOrganisations_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnerSearchComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PostingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorUserId = table.Column<string>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EditedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemovedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RemovalReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerSearchComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerSearchComments_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PartnerSearchComments_PartnerSearchComments_ParentId",
                        column: x => x.ParentId,
                        principalTable: "PartnerSearchComments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartnerSearchComments_PartnerSearchPostings_PostingId",
                        column: x => x.PostingId,
                        principalTable: "PartnerSearchPostings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnerSearchFollowers",
                columns: table => new
                {
                    PostingId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    FollowedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerSearchFollowers", x => new { x.PostingId, x.UserId });
                    table.ForeignKey(
                        name: "FK_PartnerSearchFollowers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartnerSearchFollowers_PartnerSearchPostings_PostingId",
                        column: x => x.PostingId,
                        principalTable: "PartnerSearchPostings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnerSearchInterests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PostingId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerSearchInterests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerSearchInterests_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartnerSearchInterests_ClusterOrganisations_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartnerSearchInterests_PartnerSearchPostings_PostingId",
                        column: x => x.PostingId,
                        principalTable: "PartnerSearchPostings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnerSearchPostingTerms",
                columns: table => new
                {
                    PostingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    VocabularyTermId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerSearchPostingTerms", x => new { x.PostingId, x.Field, x.VocabularyTermId });
                    table.ForeignKey(
                        name: "FK_PartnerSearchPostingTerms_PartnerSearchPostings_PostingId",
                        column: x => x.PostingId,
                        principalTable: "PartnerSearchPostings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartnerSearchPostingTerms_VocabularyTerms_VocabularyTermId",
                        column: x => x.VocabularyTermId,
                        principalTable: "VocabularyTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerSearchComments_AuthorUserId",
                table: "PartnerSearchComments",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerSearchComments_ParentId",
                table: "PartnerSearchComments",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerSearchComments_PostingId_Id",
                table: "PartnerSearchComments",
                columns: new[] { "PostingId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerSearchFollowers_UserId",
                table: "PartnerSearchFollowers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerSearchInterests_PostingId_UserId",
                table: "PartnerSearchInterests",
                columns: new[] { "PostingId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerSearchInterests_ProfileId",
                table: "PartnerSearchInterests",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerSearchInterests_UserId",
                table: "PartnerSearchInterests",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerSearchPostings_AuthorUserId",
                table: "PartnerSearchPostings",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerSearchPostings_ProfileId_Status",
                table: "PartnerSearchPostings",
                columns: new[] { "ProfileId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerSearchPostings_Status_Deadline",
                table: "PartnerSearchPostings",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerSearchPostingTerms_VocabularyTermId",
                table: "PartnerSearchPostingTerms",
                column: "VocabularyTermId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PartnerSearchComments");

            migrationBuilder.DropTable(
                name: "PartnerSearchFollowers");

            migrationBuilder.DropTable(
                name: "PartnerSearchInterests");

            migrationBuilder.DropTable(
                name: "PartnerSearchPostingTerms");

            migrationBuilder.DropTable(
                name: "PartnerSearchPostings");
        }
    }
}
