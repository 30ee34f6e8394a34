using Microsoft.AspNetCore.Identity;

namespace ClusterAtlas.Accounts;

public enum CurrentPasswordResult { Correct, Wrong, Refused }
