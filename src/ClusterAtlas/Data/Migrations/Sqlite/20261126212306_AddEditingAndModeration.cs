using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddEditingAndModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CriteriaWaived",
                table: "ClusterOrganisations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RejectionReason",
                table: "ClusterOrganisations",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SubmittedAt",
                table: "ClusterOrganisations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ModerationActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ModeratorUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ModeratorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ClusterOrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProfileName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModerationActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModerationActions_AspNetUsers_ModeratorUserId",
                        column: x => x.ModeratorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ModerationActions_ClusterOrganisations_ClusterOrganisationId",
                        column: x => x.ClusterOrganisationId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ProfileRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClusterOrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProfileStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ChangedFields = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    BeforeJson = table.Column<string>(type: "TEXT", nullable: false),
                    AfterJson = table.Column<string>(type: "TEXT", nullable: false),
                    RevertsRevisionId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfileRevisions_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProfileRevisions_ClusterOrganisations_ClusterOrganisationId",
                        column: x => x.ClusterOrganisationId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ModerationActions_At",
                table: "ModerationActions",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ModerationActions_ClusterOrganisationId",
                table: "ModerationActions",
                column: "ClusterOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ModerationActions_ModeratorUserId",
                table: "ModerationActions",
                column: "ModeratorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileRevisions_AuthorUserId",
                table: "ProfileRevisions",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileRevisions_ClusterOrganisationId_Id",
                table: "ProfileRevisions",
                columns: new[] { "ClusterOrganisationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfileRevisions_ProfileStatus_Id",
                table: "ProfileRevisions",
                columns: new[] { "ProfileStatus", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ModerationActions");

            migrationBuilder.DropTable(
                name: "ProfileRevisions");

            migrationBuilder.DropColumn(
                name: "CriteriaWaived",
                table: "ClusterOrganisations");

            migrationBuilder.DropColumn(
                name: "RejectionReason",
                table: "ClusterOrganisations");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "ClusterOrganisations");
        }
    }
}
