using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddNetwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NetworkLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnerKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PartnerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PartnerProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkLinks_AspNetUsers_DecidedByUserId",
                        column: x => x.DecidedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NetworkLinks_ClusterOrganisations_PartnerProfileId",
                        column: x => x.PartnerProfileId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkLinks_ClusterOrganisations_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationDismissals",
                columns: table => new
                {
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    DismissedProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    DismissedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationDismissals", x => new { x.ProfileId, x.DismissedProfileId });
                    table.ForeignKey(
                        name: "FK_RecommendationDismissals_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RecommendationDismissals_ClusterOrganisations_DismissedProfileId",
                        column: x => x.DismissedProfileId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RecommendationDismissals_ClusterOrganisations_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkLinks_DecidedByUserId",
                table: "NetworkLinks",
                column: "DecidedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkLinks_PartnerProfileId",
                table: "NetworkLinks",
                column: "PartnerProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkLinks_ProfileId_PartnerKey_PartnerProfileId",
                table: "NetworkLinks",
                columns: new[] { "ProfileId", "PartnerKey", "PartnerProfileId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationDismissals_DismissedProfileId",
                table: "RecommendationDismissals",
                column: "DismissedProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationDismissals_UserId",
                table: "RecommendationDismissals",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NetworkLinks");

            migrationBuilder.DropTable(
                name: "RecommendationDismissals");
        }
    }
}
