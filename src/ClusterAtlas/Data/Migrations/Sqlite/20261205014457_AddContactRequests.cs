using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClusterAtlas.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddContactRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RelyOnContactRequests",
                table: "ClusterOrganisations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ContactBlocks",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BlockedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BlockedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactBlocks", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_ContactBlocks_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    SenderUserId = table.Column<string>(type: "TEXT", nullable: true),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SenderProfileId = table.Column<int>(type: "INTEGER", nullable: true),
                    PostingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SenderLastWroteAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecipientsLastWroteAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SenderReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecipientsReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReportReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReportHandledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportHandledByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReportOutcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactRequests_AspNetUsers_SenderUserId",
                        column: x => x.SenderUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ContactRequests_ClusterOrganisations_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactRequests_ClusterOrganisations_SenderProfileId",
                        column: x => x.SenderProfileId,
                        principalTable: "ClusterOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ContactRequests_PartnerSearchPostings_PostingId",
                        column: x => x.PostingId,
                        principalTable: "PartnerSearchPostings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ContactMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromSender = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactMessages_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ContactMessages_ContactRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ContactRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactProposedTimes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactProposedTimes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactProposedTimes_ContactRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ContactRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContactMessages_AuthorUserId",
                table: "ContactMessages",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactMessages_RequestId_Id",
                table: "ContactMessages",
                columns: new[] { "RequestId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactProposedTimes_RequestId",
                table: "ContactProposedTimes",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRequests_PostingId",
                table: "ContactRequests",
                column: "PostingId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRequests_ProfileId",
                table: "ContactRequests",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRequests_ReportedAt",
                table: "ContactRequests",
                column: "ReportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRequests_SenderProfileId",
                table: "ContactRequests",
                column: "SenderProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRequests_SenderUserId_CreatedAt",
                table: "ContactRequests",
                columns: new[] { "SenderUserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactBlocks");

            migrationBuilder.DropTable(
                name: "ContactMessages");

            migrationBuilder.DropTable(
                name: "ContactProposedTimes");

            migrationBuilder.DropTable(
                name: "ContactRequests");

            migrationBuilder.DropColumn(
                name: "RelyOnContactRequests",
                table: "ClusterOrganisations");
        }
    }
}
