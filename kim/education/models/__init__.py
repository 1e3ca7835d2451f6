"""The education module's models: courses and the education card (``courses``), childcare,
schooling, employment and work measures (``situations``)."""

from kim.education.models.courses import (
    INTEGRATION_KINDS,
    Admission,
    Assessment,
    Attendance,
    Certificate,
    CertificateKind,
    Course,
    CourseKind,
    CourseStatus,
    Level,
    Obligation,
    ObligationBasis,
    Office,
    Referral,
    SkillLevel,
)
from kim.education.models.schools import SchoolStatistic
from kim.education.models.situations import (
    MAX_CONTRACT_DAYS,
    Activity,
    ChildcareKind,
    ChildcareRecord,
    ClassType,
    EmploymentRecord,
    Hindrance,
    Measure,
    MeasureKind,
    MeasurePlacement,
    SchoolRecord,
)

__all__ = [
    "INTEGRATION_KINDS", "MAX_CONTRACT_DAYS", "Activity", "Admission", "Assessment",
    "Attendance", "Certificate", "CertificateKind", "ChildcareKind", "ChildcareRecord",
    "ClassType", "Course", "CourseKind", "CourseStatus", "EmploymentRecord", "Hindrance",
    "Level", "Measure", "MeasureKind", "MeasurePlacement", "Obligation", "ObligationBasis",
    "Office", "Referral", "SchoolRecord", "SchoolStatistic", "SkillLevel",
]
